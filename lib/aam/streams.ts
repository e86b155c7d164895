import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { getConnectionOrThrow } from "@/lib/aam/connections";
import { toStreamDto, type StreamDto } from "@/lib/aam/dto";
import type { ConnectionEventPage, EventsQuery, NamedPageQuery, QuarantineQuery, QuarantinePage, StreamPage } from "@/lib/aam/schemas";
import type { ConnectionStream } from "@/lib/generated/prisma/client";
import { readEvents } from "@/lib/aam/segments/events";
import { pageArgs, toPage } from "@/lib/db/page";

/**
 * Each `listX` checks the connection is the tenant's (404 otherwise) and calls `queryX`. The
 * queries filter by tenant themselves; callers that already hold the connection call them directly.
 */

/** A page of the connection's streams by name, with their accepted (and any pending) schema and profile. */
export async function listStreams({
  ctx,
  connectionId,
  query,
}: {
  ctx: TenantContext;
  connectionId: string;
  query: NamedPageQuery;
}): Promise<StreamPage> {
  await getConnectionOrThrow(ctx, connectionId);
  const rows = await ctx.db.connectionStream.findMany({
    where: { connectionId, tenantId: ctx.tenantId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { streams: await withSchemas(ctx, items), nextCursor };
}

/** Every stream of the connection, by name. */
export async function queryStreams(ctx: TenantContext, connectionId: string): Promise<StreamDto[]> {
  const streams = await ctx.db.connectionStream.findMany({ where: { connectionId, tenantId: ctx.tenantId }, orderBy: { name: "asc" } });
  return withSchemas(ctx, streams);
}

async function withSchemas(ctx: TenantContext, streams: ConnectionStream[]): Promise<StreamDto[]> {
  const ids = streams.flatMap((s) => [s.acceptedFingerprintId, s.pendingFingerprintId]).filter((id): id is string => !!id);
  const fingerprints = new Map(
    (await ctx.db.schemaFingerprint.findMany({ where: { id: { in: ids }, tenantId: ctx.tenantId } })).map((f) => [f.id, f]),
  );
  return streams.map((s) =>
    toStreamDto(s, fingerprints.get(s.acceptedFingerprintId ?? "") ?? null, fingerprints.get(s.pendingFingerprintId ?? "") ?? null),
  );
}

/** Canonical events read from the connection, newest first. */
export async function listEvents({
  ctx,
  connectionId,
  query,
}: {
  ctx: TenantContext;
  connectionId: string;
  query: EventsQuery;
}): Promise<ConnectionEventPage> {
  await getConnectionOrThrow(ctx, connectionId);
  return queryEvents(ctx, connectionId, query);
}

export async function queryEvents(ctx: TenantContext, connectionId: string, query: EventsQuery): Promise<ConnectionEventPage> {
  return readEvents(ctx, connectionId, { stream: query.stream, limit: query.limit, after: query.cursor });
}

/** Records kept out of the events, with the reason; nothing read is ever dropped silently. */
export async function listQuarantine({
  ctx,
  connectionId,
  query,
}: {
  ctx: TenantContext;
  connectionId: string;
  query: QuarantineQuery;
}): Promise<QuarantinePage> {
  await getConnectionOrThrow(ctx, connectionId);
  return queryQuarantine(ctx, connectionId, query);
}

export async function queryQuarantine(ctx: TenantContext, connectionId: string, query: QuarantineQuery): Promise<QuarantinePage> {
  const rows = await ctx.db.quarantinedRecord.findMany({
    where: { tenantId: ctx.tenantId, connectionId, ...(query.stream ? { stream: query.stream } : {}) },
    orderBy: [{ observedAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return {
    records: items.map((q) => ({
      id: q.id,
      stream: q.stream,
      reason: q.reason,
      location: q.location,
      raw: q.raw,
      observedAt: q.observedAt,
    })),
    nextCursor,
  };
}
