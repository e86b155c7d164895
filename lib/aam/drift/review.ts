import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getConnectionOrThrow } from "@/lib/aam/connections";
import { toDriftEventDto, type DriftEventDto } from "@/lib/aam/dto";
import type { ListDriftQuery } from "@/lib/aam/schemas";
import { pageArgs, toPage } from "@/lib/db/page";

/** Newest first, cursor-paginated, scoped to the tenant. */
export async function listDriftEvents({ ctx, query }: { ctx: TenantContext; query: ListDriftQuery }): Promise<{ events: DriftEventDto[]; nextCursor: string | null }> {
  const where: Prisma.DriftEventWhereInput = { tenantId: ctx.tenantId, ...(query.connectionId ? { connectionId: query.connectionId } : {}), ...(query.status ? { status: query.status } : {}) };
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
 * the accepted ones, removals take effect, and a connection its policy paused resumes.
 */
export async function acceptSchemaChanges({ ctx, connectionId, stream }: { ctx: TenantContext; connectionId: string; stream?: string }) {
  const connection = await getConnectionOrThrow(ctx, connectionId);
  return ctx.db.$transaction(async (tx) => {
    const streams = await tx.connectionStream.findMany({ where: { connectionId, tenantId: ctx.tenantId, ...(stream ? { name: stream } : {}) } });
    if (stream && streams.length === 0) throw new NotFoundError("Stream");
    const names = streams.map((s) => s.name);
    const removals = await tx.driftEvent.findMany({ where: { connectionId, stream: { in: names }, status: "pending", kind: "stream_removed" }, select: { stream: true } });
    for (const s of streams) {
      if (s.pendingFingerprintId) await tx.connectionStream.update({ where: { id: s.id }, data: { acceptedFingerprintId: s.pendingFingerprintId, pendingFingerprintId: null, status: "active" } });
    }
    if (removals.length) await tx.connectionStream.updateMany({ where: { connectionId, name: { in: removals.map((r) => r.stream) } }, data: { status: "removed", pendingFingerprintId: null } });
    const { count } = await tx.driftEvent.updateMany({
      where: { connectionId, tenantId: ctx.tenantId, stream: { in: names }, status: "pending" },
      data: { status: "accepted", resolvedAt: new Date(), resolvedById: ctx.actor.userId },
    });
    const stillPending = await tx.driftEvent.count({ where: { connectionId, status: "pending" } });
    const resumed = connection.status === "paused" && connection.pauseReason === "schema" && stillPending === 0;
    if (resumed) await tx.connection.update({ where: { id: connectionId }, data: { status: "active", pauseReason: null, statusMessage: null } });
    return { accepted: count, resumed };
  });
}
