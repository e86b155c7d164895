import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { inboxCounts } from "@/lib/inbox/list";
import type { Figure } from "./schemas";

const DAY_MS = 86_400_000;
const STATUSES = ["active", "paused", "error"] as const;

function fromDatabase(at: string) {
  return (f: Omit<Figure, "source" | "asOf" | "demo">): Figure => ({ ...f, source: "database", asOf: at, demo: false });
}

/** Connections by status, and those whose last sync failed (COO); those in error (CTO too). */
export async function connectionFigures(scope: TenantScope, at: Date): Promise<Figure[]> {
  const make = fromDatabase(at.toISOString());
  const connections = await scope.db.connection.findMany({
    where: { tenantId: scope.tenantId },
    select: { status: true, lastSyncStatus: true },
  });
  return [
    ...STATUSES.map((status) =>
      make({
        key: "connections_by_status",
        label: "Connections by status",
        unit: "count",
        dimension: { status },
        value: connections.filter((c) => c.status === status).length,
        query: "connections, counted by status",
      }),
    ),
    make({
      key: "sync_failures",
      label: "Connections whose last sync failed",
      unit: "count",
      value: connections.filter((c) => c.lastSyncStatus === "failed").length,
      query: "connections whose last sync status is failed",
    }),
    make({
      key: "sync_partial",
      label: "Connections whose last sync was partial",
      unit: "count",
      value: connections.filter((c) => c.lastSyncStatus === "partial").length,
      query: "connections whose last sync status is partial",
    }),
  ];
}

/**
 * COO: open schema drift (changes held for approval), inbox items waiting, tasks failed in the
 * 7 days to `at`, and agent runs' success over the 30 days to `at`.
 */
export async function operationsFigures(scope: TenantScope, at: Date): Promise<Figure[]> {
  const make = fromDatabase(at.toISOString());
  const where = { tenantId: scope.tenantId };
  const weekAgo = new Date(at.getTime() - 7 * DAY_MS);
  const monthAgo = new Date(at.getTime() - 30 * DAY_MS);
  const [drift, inbox, failedTasks, runs] = await Promise.all([
    scope.db.driftEvent.count({ where: { ...where, status: "pending" } }),
    inboxCounts(scope),
    scope.db.task.count({ where: { ...where, status: "failed", finishedAt: { gt: weekAgo, lte: at } } }),
    scope.db.agentRun.groupBy({ by: ["status"], where: { ...where, startedAt: { gt: monthAgo, lte: at } }, _count: { _all: true } }),
  ]);
  const runCount = (status: string) => runs.find((r) => r.status === status)?._count._all ?? 0;
  const finished = runCount("success") + runCount("failed");
  return [
    make({
      key: "pending_drift",
      label: "Schema changes waiting for approval",
      unit: "count",
      value: drift,
      query: "drift events with status pending",
    }),
    ...(["mapping", "repair", "schema"] as const).map((kind) =>
      make({
        key: "inbox_waiting",
        label: "Items waiting for review in the inbox",
        unit: "count",
        dimension: { kind },
        value: inbox[kind],
        query: "the review inbox: proposed mappings and repairs, held schema changes",
      }),
    ),
    make({
      key: "failed_tasks_7d",
      label: "Tasks failed in the last 7 days",
      unit: "count",
      window: { from: weekAgo.toISOString().slice(0, 10), to: at.toISOString().slice(0, 10) },
      value: failedTasks,
      query: "tasks with status failed, finished in the 7 days",
    }),
    make({
      key: "agent_run_success",
      label: "Agent runs succeeded, last 30 days",
      unit: "ratio",
      window: { from: monthAgo.toISOString().slice(0, 10), to: at.toISOString().slice(0, 10) },
      value: finished > 0 ? Math.round((runCount("success") / finished) * 10_000) / 10_000 : null,
      query: "agent runs started in the 30 days: success ÷ (success + failed)",
      ...(finished === 0 && { note: "no agent run finished in the window" }),
    }),
  ];
}
