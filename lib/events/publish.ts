import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TenantScope } from "@/lib/auth/context";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { type LiveEvent, TRANSIENT_EVENT_TYPES, type TenantEventType } from "@/lib/events/types";
import { pruneOldEvents } from "@/lib/events/retention";

/** The live channel of one tenant: every app instance's streams subscribe to it (through Redis when configured). */
export const tenantChannel = (tenantId: string) => `tenant:${tenantId}:events`;

/**
 * Records the event in the tenant's log, then publishes it to the tenant's live channel. Never fails
 * the caller: a lost live event is logged, and the stored state stays the truth.
 */
export async function publishTenantEvent(scope: TenantScope, type: TenantEventType, data: Record<string, unknown>): Promise<void> {
  try {
    const event = await record(scope, type, data);
    await getKv().publish(tenantChannel(scope.tenantId), JSON.stringify(event));
  } catch (error) {
    log.warn("tenant event not published", { tenantId: scope.tenantId, type, error });
  }
}

async function record(scope: TenantScope, type: TenantEventType, data: Record<string, unknown>): Promise<LiveEvent> {
  if (TRANSIENT_EVENT_TYPES.has(type)) return { type, at: new Date().toISOString(), data };
  const row = await scope.db.tenantEvent.create({ data: { tenantId: scope.tenantId, type, data: data as Prisma.InputJsonValue } });
  await pruneOldEvents(scope);
  return { id: row.id.toString(), type, at: row.createdAt.toISOString(), data };
}
