import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import type { InboxCounts } from "@/lib/inbox/list";
import { fillDays, windowStart, type DayPoint } from "./days";

export type DriftKpi = {
  /** Schema changes detected over the window. */
  detected: number;
  /** Of those: propagated under the connection's policy, held for a person, decided by a person. */
  applied: number;
  held: number;
  decided: number;
  /** Schema changes waiting for a person now. */
  waitingNow: number;
  daily: DayPoint<"changes">[];
  /** Repairs of mappings after drift: applied by the agent and rejected by people over the window, waiting now. */
  repairs: { autoApplied: number; approved: number; rejected: number; waitingNow: number };
};

/** Schema drift over the window, by how it was handled, and what the repair agent did about it. */
export async function driftKpi(ctx: TenantContext, inbox: InboxCounts, now: Date, days: number): Promise<DriftKpi> {
  const since = windowStart(now, days);
  const [byDay, decisions] = await Promise.all([
    ctx.db.$queryRaw<{ day: string; status: string; n: number }[]>`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, status, count(*)::int AS n
        FROM drift_events
       WHERE tenant_id = ${ctx.tenantId}::uuid AND created_at >= ${since.toISOString()}::timestamptz
       GROUP BY 1, 2`,
    ctx.db.reviewDecision.groupBy({
      by: ["action"],
      where: { tenantId: ctx.tenantId, kind: "repair", createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const count = (statuses: string[]) => byDay.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + r.n, 0);
  const action = (a: string) => decisions.find((d) => d.action === a)?._count._all ?? 0;
  return {
    detected: count(["applied", "pending", "accepted", "rejected", "superseded"]),
    applied: count(["applied"]),
    held: count(["pending"]),
    decided: count(["accepted", "rejected"]),
    waitingNow: inbox.schema,
    daily: fillDays(
      byDay.map((r) => ({ day: r.day, changes: r.n })),
      ["changes"] as const,
      now,
      days,
    ),
    repairs: {
      autoApplied: action("auto_apply"),
      approved: action("approve") + action("edit"),
      rejected: action("reject"),
      waitingNow: inbox.repair,
    },
  };
}
