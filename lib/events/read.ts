import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { ListEventsQuery, TenantEvent } from "@/lib/events/schemas";
import type { TenantEventType } from "@/lib/events/types";

/** The tenant's kept events after `after`, oldest first. */
export async function readEventsAfter(
  scope: TenantScope,
  after: bigint,
  limit: number,
  types?: readonly TenantEventType[],
): Promise<TenantEvent[]> {
  const rows = await scope.db.tenantEvent.findMany({
    where: { tenantId: scope.tenantId, id: { gt: after }, ...(types ? { type: { in: [...types] } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    type: row.type as TenantEventType,
    at: row.createdAt.toISOString(),
    data: row.data as TenantEvent["data"],
  }));
}

/** The id of the tenant's newest kept event, or 0. */
export async function lastEventId(scope: TenantScope): Promise<bigint> {
  const row = await scope.db.tenantEvent.findFirst({ where: { tenantId: scope.tenantId }, orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

/** A page of the log: `nextCursor` is the last event's id while more may follow. */
export async function listEvents(
  scope: TenantScope,
  query: ListEventsQuery,
  types: readonly TenantEventType[],
): Promise<{ events: TenantEvent[]; nextCursor: string | null }> {
  const events = await readEventsAfter(scope, BigInt(query.cursor ?? 0), query.limit + 1, types);
  const page = events.slice(0, query.limit);
  return { events: page, nextCursor: events.length > query.limit ? page.at(-1)!.id : null };
}

/** Whether the tenant's log still holds this event (a resume point older than the retention does not). */
export async function eventExists(scope: TenantScope, id: bigint): Promise<boolean> {
  return (await scope.db.tenantEvent.count({ where: { tenantId: scope.tenantId, id } })) > 0;
}
