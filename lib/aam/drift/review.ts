import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DriftEvent, Prisma } from "@/lib/generated/prisma/client";
import { recordDecision } from "@/lib/inbox/audit";
import { getConnectionOrThrow } from "@/lib/aam/connections";
import { toDriftEventDto } from "@/lib/aam/dto";
import type { AcceptSchemaAnswer, DriftEventPage, ListDriftQuery } from "@/lib/aam/schemas";
import { pageArgs, toPage } from "@/lib/db/page";

/** Newest first, cursor-paginated, scoped to the tenant. */
export async function listDriftEvents({ ctx, query }: { ctx: TenantContext; query: ListDriftQuery }): Promise<DriftEventPage> {
  const where: Prisma.DriftEventWhereInput = {
    tenantId: ctx.tenantId,
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const rows = await ctx.db.driftEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { events: items.map(toDriftEventDto), nextCursor };
}

/**
 * Accepts the schema changes waiting for approval (one stream, or all): pending schemas become
 * the accepted ones, removals take effect, and a connection its policy paused resumes. Each
 * change accepted is audited.
 */
export async function acceptSchemaChanges({
  ctx,
  connectionId,
  stream,
}: {
  ctx: TenantContext;
  connectionId: string;
  stream?: string;
}): Promise<AcceptSchemaAnswer> {
  await getConnectionOrThrow(ctx, connectionId);
  return ctx.db.$transaction(async (tx) => {
    const streams = await tx.connectionStream.findMany({
      where: { connectionId, tenantId: ctx.tenantId, ...(stream ? { name: stream } : {}) },
    });
    if (stream && streams.length === 0) throw new NotFoundError("Stream");
    const events = await tx.driftEvent.findMany({
      where: { connectionId, tenantId: ctx.tenantId, stream: { in: streams.map((s) => s.name) }, status: "pending" },
    });
    for (const event of events) await resolveChange(tx, ctx, event, "accepted", null);
    for (const s of streams) await settleStream(tx, ctx, connectionId, s.name);
    return { accepted: events.length, resumed: await resumeIfClear(tx, ctx, connectionId) };
  });
}

/**
 * One held schema change decided. Accepted, it takes effect with the rest of its stream's changes;
 * rejected, it does not propagate: a field it added, renamed or retyped is kept out of the views
 * (an approved "no mapping" by the person), and a removed stream stays. Once none of a stream's
 * changes wait, the stream moves to the schema the source now has, and a connection its policy
 * paused resumes when nothing else waits. Audited with the change as evidence.
 */
export async function decideSchemaChange({
  ctx,
  id,
  decision,
  reason,
}: {
  ctx: TenantContext;
  id: string;
  decision: "accept" | "reject";
  reason?: string;
}) {
  return ctx.db.$transaction(async (tx) => {
    const event = await tx.driftEvent.findFirst({ where: { id, tenantId: ctx.tenantId } });
    if (!event) throw new NotFoundError("schema change");
    if (event.status !== "pending") throw new ConflictError(`this schema change is already ${event.status}`);
    await resolveChange(tx, ctx, event, decision === "accept" ? "accepted" : "rejected", reason ?? null);
    if (decision === "reject" && event.field && ["field_added", "field_renamed", "type_changed"].includes(event.kind))
      await keepOutOfViews(tx, ctx, event, event.field);
    const settled = await settleStream(tx, ctx, event.connectionId, event.stream);
    return {
      status: decision === "accept" ? "accepted" : "rejected",
      connectionId: event.connectionId,
      streamSettled: settled,
      resumed: await resumeIfClear(tx, ctx, event.connectionId),
    };
  });
}

type Tx = Prisma.TransactionClient;

async function resolveChange(tx: Tx, ctx: TenantContext, event: DriftEvent, status: "accepted" | "rejected", reason: string | null) {
  await tx.driftEvent.update({ where: { id: event.id }, data: { status, resolvedAt: new Date(), resolvedById: ctx.actor.userId } });
  if (status === "accepted" && event.kind === "stream_removed") {
    await tx.connectionStream.updateMany({
      where: { connectionId: event.connectionId, tenantId: ctx.tenantId, name: event.stream },
      data: { status: "removed", pendingFingerprintId: null },
    });
  }
  await recordDecision(
    { tenantId: ctx.tenantId, db: tx },
    {
      kind: "schema",
      itemId: event.id,
      action: status === "accepted" ? "approve" : "reject",
      connectionId: event.connectionId,
      stream: event.stream,
      field: event.field,
      fromField: event.previousField,
      target: null,
      before: { status: "pending" },
      after: { status },
      evidence: {
        kind: event.kind,
        severity: event.severity,
        previousType: event.previousType,
        currentType: event.currentType,
        details: event.details as Prisma.InputJsonValue,
      },
      reason,
      actorId: ctx.actor.userId,
    },
  );
}

/** A person's "no mapping" for the field, unless it is already so. */
async function keepOutOfViews(tx: Tx, ctx: TenantContext, event: DriftEvent, field: string) {
  const where = { tenantId: ctx.tenantId, connectionId: event.connectionId, sourceStream: event.stream, sourceField: field };
  const newest = await tx.mappingRegistry.findFirst({ where, orderBy: { version: "desc" } });
  if (newest && newest.status === "approved" && newest.ontologyField === null) return;
  const decided = { createdById: ctx.actor.userId, decidedById: ctx.actor.userId, decidedAt: new Date() };
  await tx.mappingRegistry.create({
    data: {
      ...where,
      ontologyField: null,
      transform: null,
      confidence: 1,
      method: "manual",
      status: "approved",
      version: (newest?.version ?? 0) + 1,
      ...decided,
    },
  });
}

/** When none of the stream's changes wait, its pending schema becomes the accepted one. True when settled. */
async function settleStream(tx: Tx, ctx: TenantContext, connectionId: string, name: string): Promise<boolean> {
  const waiting = await tx.driftEvent.count({ where: { connectionId, tenantId: ctx.tenantId, stream: name, status: "pending" } });
  if (waiting > 0) return false;
  const stream = await tx.connectionStream.findFirst({ where: { connectionId, tenantId: ctx.tenantId, name } });
  if (!stream) return true;
  if (stream.pendingFingerprintId) {
    await tx.connectionStream.update({
      where: { id: stream.id },
      data: { acceptedFingerprintId: stream.pendingFingerprintId, pendingFingerprintId: null, status: "active" },
    });
  }
  return true;
}

async function resumeIfClear(tx: Tx, ctx: TenantContext, connectionId: string): Promise<boolean> {
  const connection = await tx.connection.findFirst({
    where: { id: connectionId, tenantId: ctx.tenantId },
    select: { status: true, pauseReason: true },
  });
  if (connection?.status !== "paused" || connection.pauseReason !== "schema") return false;
  if ((await tx.driftEvent.count({ where: { connectionId, tenantId: ctx.tenantId, status: "pending" } })) > 0) return false;
  await tx.connection.update({ where: { id: connectionId }, data: { status: "active", pauseReason: null, statusMessage: null } });
  return true;
}
