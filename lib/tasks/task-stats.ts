import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { TASK_KINDS } from "@/lib/tasks/describe";

export type DurationStat = { kind: string; runs: number; p50Ms: number; p95Ms: number };
export type DayStat = { day: string; succeeded: number; failed: number; cancelled: number };
export type TaskStats = { days: number; durations: DurationStat[]; perDay: DayStat[] };

const DAY_MS = 86_400_000;

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The tenant's tasks finished in the last `days` (today included, UTC days): p50/p95 of how long
 * each kind took from its first start to success, and how many tasks ended each day, by outcome.
 */
export async function taskStats(
  scope: TenantScope,
  { days = 7, now = new Date() }: { days?: number; now?: Date } = {},
): Promise<TaskStats> {
  const firstDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS;
  const tasks = await scope.db.task.findMany({
    where: { tenantId: scope.tenantId, finishedAt: { gte: new Date(firstDay) }, status: { in: ["success", "failed", "cancelled"] } },
    select: { type: true, status: true, startedAt: true, finishedAt: true },
  });
  const perDay: DayStat[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10),
    succeeded: 0,
    failed: 0,
    cancelled: 0,
  }));
  const byKind = new Map<string, number[]>();
  for (const t of tasks) {
    const day = perDay[Math.floor((t.finishedAt!.getTime() - firstDay) / DAY_MS)];
    if (day) day[t.status === "success" ? "succeeded" : t.status === "failed" ? "failed" : "cancelled"] += 1;
    if (t.status !== "success" || !t.startedAt) continue;
    const durations = byKind.get(t.type) ?? [];
    durations.push(t.finishedAt!.getTime() - t.startedAt.getTime());
    byKind.set(t.type, durations);
  }
  const durations = Object.entries(TASK_KINDS)
    .filter(([type]) => byKind.has(type))
    .map(([type, kind]) => {
      const sorted = byKind.get(type)!.sort((a, b) => a - b);
      return { kind, runs: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
    });
  return { days, durations, perDay };
}
