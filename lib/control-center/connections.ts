import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import type { ConnectionStatus } from "@/lib/generated/prisma/client";

export type ConnectionKpi = {
  total: number;
  byStatus: Record<ConnectionStatus, number>;
  /** Connections whose latest sync failed outright. */
  lastSyncFailed: number;
  /** Connections never synced yet. */
  neverSynced: number;
  /** Connections in safe mode (sampled read-only until promoted). */
  safeMode: number;
};

/** The tenant's connections by status, with how their latest syncs went. */
export async function connectionKpi(ctx: TenantContext): Promise<ConnectionKpi> {
  const rows = await ctx.db.connection.groupBy({
    by: ["status", "lastSyncStatus", "safeMode"],
    where: { tenantId: ctx.tenantId },
    _count: { _all: true },
  });
  const kpi: ConnectionKpi = { total: 0, byStatus: { active: 0, paused: 0, error: 0 }, lastSyncFailed: 0, neverSynced: 0, safeMode: 0 };
  for (const r of rows) {
    const n = r._count._all;
    kpi.total += n;
    kpi.byStatus[r.status] += n;
    if (r.lastSyncStatus === "failed") kpi.lastSyncFailed += n;
    if (r.lastSyncStatus === null) kpi.neverSynced += n;
    if (r.safeMode) kpi.safeMode += n;
  }
  return kpi;
}
