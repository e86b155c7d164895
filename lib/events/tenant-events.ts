import "server-only";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";

/** The live event channel of one tenant (what SSE and WebSocket clients will subscribe to). */
export const tenantChannel = (tenantId: string) => `tenant:${tenantId}:events`;

export type TenantEvent = { type: "aam.sync.completed" | "aam.drift.detected" | "dcl.views.rebuilt"; at: string; data: Record<string, unknown> };

/** Publishes without ever failing the caller: a lost live event is logged, the stored state is the truth. */
export async function publishTenantEvent(tenantId: string, type: TenantEvent["type"], data: Record<string, unknown>): Promise<void> {
  const event: TenantEvent = { type, at: new Date().toISOString(), data };
  await getKv()
    .publish(tenantChannel(tenantId), JSON.stringify(event))
    .catch((error) => log.warn("tenant event not published", { tenantId, type, error }));
}
