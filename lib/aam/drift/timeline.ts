import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { groupDriftEvents, type DriftTimelineEvent, type TimelineGroup } from "./timeline-words";

export type { TimelineChange, TimelineGroup } from "./timeline-words";

/** The latest schema changes of a connection, grouped by the sync (or, without one, the day) that saw them, newest first. */
export async function driftTimeline({
  ctx,
  connectionId,
  limit = 200,
}: {
  ctx: TenantContext;
  connectionId: string;
  limit?: number;
}): Promise<{ groups: TimelineGroup[]; truncated: boolean }> {
  const rows: DriftTimelineEvent[] = await ctx.db.driftEvent.findMany({
    where: { tenantId: ctx.tenantId, connectionId },
    select: {
      id: true,
      stream: true,
      kind: true,
      severity: true,
      field: true,
      previousField: true,
      previousType: true,
      currentType: true,
      confidence: true,
      details: true,
      status: true,
      taskId: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { groups: groupDriftEvents(rows.slice(0, limit)), truncated: rows.length > limit };
}
