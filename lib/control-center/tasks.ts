import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import type { TaskStatus } from "@/lib/tasks/types";
import { fillDays, windowStart, type DayPoint } from "./days";

export type TaskKpi = {
  /** Tasks created over the last `recentDays` days, by status now. */
  recent: Record<TaskStatus, number>;
  recentDays: number;
  /** Failed ÷ finished (succeeded or failed) over the last `recentDays` days; null when none finished. */
  failureRate: number | null;
  /** Tasks queued or running now, whenever created. */
  activeNow: number;
  /** Tasks finished per UTC day. */
  daily: DayPoint<"succeeded" | "failed">[];
};

const STATUSES: TaskStatus[] = ["queued", "in_progress", "success", "failed", "cancelled"];

/** The task engine's record: recent tasks by status, the failure rate, and finished tasks per day. */
export async function taskKpi(ctx: TenantContext, now: Date, days: number, recentDays: number): Promise<TaskKpi> {
  const [recent, active, byDay] = await Promise.all([
    ctx.db.task.groupBy({
      by: ["status"],
      where: { tenantId: ctx.tenantId, createdAt: { gte: new Date(now.getTime() - recentDays * 86_400_000) } },
      _count: { _all: true },
    }),
    ctx.db.task.count({ where: { tenantId: ctx.tenantId, status: { in: ["queued", "in_progress"] } } }),
    ctx.db.$queryRaw<{ day: string; succeeded: number; failed: number }[]>`
      SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             (count(*) FILTER (WHERE status = 'success'))::int AS succeeded,
             (count(*) FILTER (WHERE status = 'failed'))::int AS failed
        FROM tasks
       WHERE tenant_id = ${ctx.tenantId}::uuid AND finished_at >= ${windowStart(now, days).toISOString()}::timestamptz
       GROUP BY 1`,
  ]);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, recent.find((r) => r.status === s)?._count._all ?? 0])) as Record<
    TaskStatus,
    number
  >;
  const finished = byStatus.success + byStatus.failed;
  return {
    recent: byStatus,
    recentDays,
    failureRate: finished ? byStatus.failed / finished : null,
    activeNow: active,
    daily: fillDays(byDay, ["succeeded", "failed"] as const, now, days),
  };
}
