import "server-only";
import { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import type { DriftEvent, ReviewDecision } from "@/lib/generated/prisma/client";
import { shownError } from "@/lib/tasks/error-text";
import { describeDecision, describeDrift, describeSync, TASK_NAMES, type ActivityItem } from "./activity-words";

export type { ActivityItem } from "./activity-words";

/** How many of each kind are read before the newest `limit` of all of them are kept. */
const PER_KIND = 20;

const SyncResult = z
  .object({ skipped: z.string().optional(), read: z.record(z.string(), z.object({ stored: z.number() })).catch({}) })
  .catch({ read: {} });
const connectionOf = (input: unknown) => z.object({ connectionId: z.string() }).safeParse(input).data?.connectionId ?? null;

/**
 * The newest things that happened in the tenant, newest first, in words: syncs, schema changes (one
 * item per batch detected together), decisions on mappings, repairs and schema changes, agent runs,
 * and other tasks that failed.
 */
export async function recentActivity(ctx: TenantContext, limit: number): Promise<ActivityItem[]> {
  const newest = { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: PER_KIND };
  const [syncs, failures, drift, decisions, runs, members] = await Promise.all([
    ctx.db.task.findMany({
      where: { tenantId: ctx.tenantId, type: "connector.sync", status: { in: ["success", "failed"] } },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: PER_KIND,
    }),
    ctx.db.task.findMany({
      where: { tenantId: ctx.tenantId, type: { notIn: ["connector.sync"] }, status: "failed" },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: PER_KIND,
    }),
    ctx.db.driftEvent.findMany({ where: { tenantId: ctx.tenantId }, ...newest, take: PER_KIND * 5 }),
    ctx.db.reviewDecision.findMany({ where: { tenantId: ctx.tenantId }, ...newest }),
    ctx.db.agentRun.findMany({
      where: { tenantId: ctx.tenantId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: PER_KIND,
      include: { agent: { select: { name: true, slug: true } } },
    }),
    ctx.db.membership.findMany({ where: { tenantId: ctx.tenantId }, select: { user: { select: { id: true, name: true, email: true } } } }),
  ]);
  const connectionIds = new Set<string>();
  for (const t of syncs) if (connectionOf(t.input)) connectionIds.add(connectionOf(t.input)!);
  for (const e of [...drift, ...decisions]) connectionIds.add(e.connectionId);
  const connections = await ctx.db.connection.findMany({
    where: { tenantId: ctx.tenantId, id: { in: [...connectionIds] } },
    select: { id: true, name: true },
  });
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const people = new Map(members.map((m) => [m.user.id, m.user.name || m.user.email]));
  const runTasks = new Set(runs.map((r) => r.taskId).filter(Boolean));

  const items: ActivityItem[] = [
    ...syncs.map((t) => {
      const connectionId = connectionOf(t.input);
      return describeSync({
        id: t.id,
        at: t.finishedAt ?? t.updatedAt,
        failed: t.status === "failed",
        error: shownError(t.lastErrorMessage),
        connectionId,
        connection: connectionId ? (names.get(connectionId) ?? null) : null,
        result: SyncResult.parse(t.result ?? {}),
      });
    }),
    ...failures
      // An agent run that started is told by its run below.
      .filter((t) => !runTasks.has(t.id))
      .map(
        (t): ActivityItem => ({
          id: `task:${t.id}`,
          at: t.finishedAt ?? t.updatedAt,
          kind: "failure",
          tone: "error",
          text: `${TASK_NAMES[t.type] ?? "A task"} failed${shownError(t.lastErrorMessage) ? `: ${shownError(t.lastErrorMessage)}` : ""}`,
          href: "/orchestration?status=failed",
        }),
      ),
    ...driftBatches(drift).map((batch) => describeDrift(batch, names.get(batch[0]!.connectionId) ?? "a deleted connection")),
    ...decisions.map((d: ReviewDecision) => describeDecision(d, d.actorId ? (people.get(d.actorId) ?? "A former member") : null)),
    ...runs.map((r): ActivityItem => {
      const href = `/agents?agent=${r.agent.slug}`;
      const base = { id: `run:${r.id}`, at: r.finishedAt ?? r.startedAt, kind: "agent" as const, href };
      if (r.status === "failed")
        return { ...base, tone: "error", text: `${r.agent.name} run failed${shownError(r.error) ? `: ${shownError(r.error)}` : ""}` };
      if (r.status === "running") return { ...base, tone: "info", text: `${r.agent.name} is running` };
      const found =
        r.findings === 0
          ? "found nothing to act on"
          : `found ${r.findings} finding${r.findings === 1 ? "" : "s"}${r.newFindings ? ` (${r.newFindings} new)` : ""}`;
      return { ...base, tone: r.findings ? "warn" : "ok", text: `${r.agent.name} ${found}` };
    }),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/** Drift events detected together (one task, or one instant without a task) on one connection, newest batch first. */
function driftBatches(events: DriftEvent[]): DriftEvent[][] {
  const batches = new Map<string, DriftEvent[]>();
  for (const e of events) {
    const key = `${e.connectionId}:${e.taskId ?? e.createdAt.toISOString().slice(0, 19)}`;
    batches.set(key, [...(batches.get(key) ?? []), e]);
  }
  return [...batches.values()];
}
