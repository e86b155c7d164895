import "server-only";
import type { TenantScope } from "@/lib/auth/context";

/** How long the event log keeps an event for clients resuming a stream. */
export const EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** One write in this many also deletes the tenant's expired events (an index range scan). */
const PRUNE_EVERY = 50;

export async function pruneOldEvents(scope: TenantScope): Promise<void> {
  if (Math.random() >= 1 / PRUNE_EVERY) return;
  await scope.db.tenantEvent.deleteMany({
    where: { tenantId: scope.tenantId, createdAt: { lt: new Date(Date.now() - EVENT_RETENTION_MS) } },
  });
}
