import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import type { ReviewDecision } from "@/lib/generated/prisma/client";
import type { DecisionAction, HistoryEntry, HistoryPage, InboxKind, ListHistoryQuery } from "./schemas";

export type { HistoryEntry } from "./schemas";

/** Stored JSON (the audit's columns), as the wire describes it. */
type Json = HistoryEntry["before"];

/** The tenant's audit of decisions on inbox items, newest first, with what can still be rolled back. */
export async function listDecisions({ ctx, query }: { ctx: TenantContext; query: ListHistoryQuery }): Promise<HistoryPage> {
  const rows = await ctx.db.reviewDecision.findMany({
    where: {
      tenantId: ctx.tenantId,
      ...(query.connectionId ? { connectionId: query.connectionId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.action ? { action: query.action } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  const [actors, inForce] = await Promise.all([actorEmails(ctx, items), versionsInForce(ctx, items)]);
  return {
    decisions: items.map((r) => {
      const put = (r.after as { version?: number } | null)?.version;
      const current = r.field ? inForce.get(JSON.stringify([r.connectionId, r.stream, r.field])) : undefined;
      const undoable =
        r.kind !== "schema" && r.action !== "reject" && current !== undefined && current.version === put && current.ontologyField !== null;
      return {
        id: r.id,
        kind: r.kind as InboxKind,
        action: r.action as DecisionAction,
        connectionId: r.connectionId,
        stream: r.stream,
        field: r.field,
        from: r.fromField,
        target: r.target,
        before: r.before as Json,
        after: r.after as Json,
        evidence: r.evidence as Json,
        reason: r.reason,
        actor: r.actorId ? (actors.get(r.actorId) ?? "a former member") : null,
        createdAt: r.createdAt,
        rollbackId: undoable ? current.id : null,
      };
    }),
    nextCursor,
  };
}

async function actorEmails(ctx: TenantContext, rows: ReviewDecision[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const members = await ctx.db.membership.findMany({
    where: { tenantId: ctx.tenantId, userId: { in: ids } },
    select: { userId: true, user: { select: { email: true } } },
  });
  return new Map(members.map((m) => [m.userId, m.user.email]));
}

async function versionsInForce(ctx: TenantContext, rows: ReviewDecision[]) {
  const fields = rows.filter((r) => r.kind !== "schema" && r.field);
  if (fields.length === 0) return new Map<string, { id: string; version: number; ontologyField: string | null }>();
  const approved = await ctx.db.mappingRegistry.findMany({
    where: {
      tenantId: ctx.tenantId,
      status: "approved",
      OR: fields.map((r) => ({ connectionId: r.connectionId, sourceStream: r.stream, sourceField: r.field! })),
    },
    orderBy: { version: "desc" },
    distinct: ["connectionId", "sourceStream", "sourceField"],
    select: { id: true, connectionId: true, sourceStream: true, sourceField: true, version: true, ontologyField: true },
  });
  return new Map(approved.map((a) => [JSON.stringify([a.connectionId, a.sourceStream, a.sourceField]), a]));
}
