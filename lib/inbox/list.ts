import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { DriftEvent, MappingRegistry } from "@/lib/generated/prisma/client";
import type { InboxCounts, InboxItem, InboxKind, InboxPage, ListInboxQuery } from "./schemas";

export type { InboxCounts, InboxItem } from "./schemas";

/**
 * Everything waiting for a person in one tenant (of one connection, when given), newest first, a
 * page at a time: repairs the agent was not sure of, mapping proposals below the auto-approve
 * threshold, and schema changes a connection's policy holds. `counts` covers every kind and page.
 * The cursor is the last item's id: the next page holds the items older than it (ties by id), even
 * once that item was decided.
 */
export async function listInbox(scope: TenantScope, query: ListInboxQuery): Promise<InboxPage> {
  const [proposals, held] = await Promise.all([waitingProposals(scope, query.connectionId), heldChanges(scope, query.connectionId)]);
  const wanted = (kind: InboxKind) => !query.kind || query.kind === kind;
  const waiting: Waiting[] = [
    ...proposals.filter((p) => wanted(kindOf(p))).map((mapping) => ({ mapping })),
    ...(wanted("schema") ? held.map((event) => ({ event })) : []),
  ].sort((a, b) => newestFirst(rowOf(a), rowOf(b)));
  const start = query.cursor ? await positionAfter(scope, waiting, query.cursor) : 0;
  const page = waiting.slice(start, start + query.limit);
  const mappingRows = page.flatMap((w) => ("mapping" in w ? [w.mapping] : []));
  const [names, inForce, examples] = await Promise.all([
    connectionNames(scope, [...new Set(page.map((w) => rowOf(w).connectionId))]),
    mappingsInForce(scope, mappingRows),
    fieldExamples(scope, mappingRows),
  ]);
  const items = page.map((w) => {
    const name = names.get(rowOf(w).connectionId) ?? "";
    return "mapping" in w ? mappingItem(w.mapping, name, inForce, examples) : schemaItem(w.event, name);
  });
  return { items, counts: countOf(proposals, held), nextCursor: start + query.limit < waiting.length ? rowOf(page.at(-1)!).id : null };
}

type Waiting = { mapping: MappingRegistry } | { event: DriftEvent };
const rowOf = (w: Waiting) => ("mapping" in w ? w.mapping : w.event);

/** Stored JSON (a column, a schema profile), as the wire describes it. */
type Json = InboxItem["evidence"];

/** Where the page after `cursor` starts: after the item with that id, found among the waiting or, decided meanwhile, stored. */
async function positionAfter(scope: TenantScope, waiting: Waiting[], cursor: string): Promise<number> {
  const listed = waiting.findIndex((w) => rowOf(w).id === cursor);
  if (listed >= 0) return listed + 1;
  const where = { id: cursor, tenantId: scope.tenantId };
  const select = { id: true, createdAt: true } as const;
  const [mapping, event] = await Promise.all([
    scope.db.mappingRegistry.findFirst({ where, select }),
    scope.db.driftEvent.findFirst({ where, select }),
  ]);
  const at = mapping ?? event;
  if (!at) return waiting.length;
  const after = waiting.findIndex((w) => newestFirst(at, rowOf(w)) < 0);
  return after < 0 ? waiting.length : after;
}

/** How many items wait, by kind (the navigation's badge). */
export async function inboxCounts(scope: TenantScope): Promise<InboxCounts> {
  const [proposals, held] = await Promise.all([waitingProposals(scope), heldChanges(scope)]);
  return countOf(proposals, held);
}

const kindOf = (row: MappingRegistry): InboxKind => (row.method === "repair" ? "repair" : "mapping");
/** Newest first, ties by id (descending): the order pages follow. */
const newestFirst = (a: { id: string; createdAt: Date }, b: { id: string; createdAt: Date }) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const keyOf = (r: { connectionId: string; sourceStream: string; sourceField: string }) =>
  JSON.stringify([r.connectionId, r.sourceStream, r.sourceField]);

function countOf(proposals: MappingRegistry[], held: DriftEvent[]): InboxCounts {
  const repair = proposals.filter((p) => kindOf(p) === "repair").length;
  return { repair, mapping: proposals.length - repair, schema: held.length, total: proposals.length + held.length };
}

/** Proposed mapping versions no newer version replaced. */
async function waitingProposals(scope: TenantScope, connectionId?: string): Promise<MappingRegistry[]> {
  const where = { tenantId: scope.tenantId, ...(connectionId ? { connectionId } : {}) };
  const proposed = await scope.db.mappingRegistry.findMany({ where: { ...where, status: "proposed" } });
  if (proposed.length === 0) return [];
  const newest = await scope.db.mappingRegistry.groupBy({
    by: ["connectionId", "sourceStream", "sourceField"],
    where: { ...where, connectionId: { in: [...new Set(proposed.map((p) => p.connectionId))] } },
    _max: { version: true },
  });
  const top = new Map(newest.map((n) => [keyOf(n), n._max.version]));
  return proposed.filter((p) => top.get(keyOf(p)) === p.version);
}

async function heldChanges(scope: TenantScope, connectionId?: string): Promise<DriftEvent[]> {
  return scope.db.driftEvent.findMany({
    where: { tenantId: scope.tenantId, status: "pending", ...(connectionId ? { connectionId } : {}) },
  });
}

async function connectionNames(scope: TenantScope, ids: string[]): Promise<Map<string, string>> {
  const rows = await scope.db.connection.findMany({
    where: { tenantId: scope.tenantId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The approved target of each listed field now (its newest approved version). */
async function mappingsInForce(scope: TenantScope, rows: MappingRegistry[]): Promise<Map<string, string | null>> {
  if (rows.length === 0) return new Map();
  const approved = await scope.db.mappingRegistry.findMany({
    where: {
      tenantId: scope.tenantId,
      status: "approved",
      OR: rows.map((r) => ({ connectionId: r.connectionId, sourceStream: r.sourceStream, sourceField: r.sourceField })),
    },
    orderBy: { version: "desc" },
    distinct: ["connectionId", "sourceStream", "sourceField"],
    select: { connectionId: true, sourceStream: true, sourceField: true, ontologyField: true },
  });
  return new Map(approved.map((a) => [keyOf(a), a.ontologyField]));
}

/** Example values of each listed field from its stream's accepted schema profile. */
async function fieldExamples(scope: TenantScope, rows: MappingRegistry[]): Promise<Map<string, Json[]>> {
  const streams = [
    ...new Map(rows.filter((r) => r.method !== "repair").map((r) => [JSON.stringify([r.connectionId, r.sourceStream]), r])).values(),
  ];
  if (streams.length === 0) return new Map();
  const accepted = await scope.db.connectionStream.findMany({
    where: { tenantId: scope.tenantId, OR: streams.map((s) => ({ connectionId: s.connectionId, name: s.sourceStream })) },
    select: { connectionId: true, name: true, acceptedFingerprintId: true },
  });
  const ids = accepted.map((s) => s.acceptedFingerprintId).filter((id): id is string => id !== null);
  const profiles = await scope.db.schemaFingerprint.findMany({
    where: { tenantId: scope.tenantId, id: { in: ids } },
    select: { connectionId: true, stream: true, profile: true },
  });
  const examples = new Map<string, Json[]>();
  for (const p of profiles) {
    const fields = (p.profile as { fields?: Record<string, { examples?: Json[] }> }).fields ?? {};
    for (const [name, profile] of Object.entries(fields))
      examples.set(
        keyOf({ connectionId: p.connectionId, sourceStream: p.stream, sourceField: name }),
        (profile.examples ?? []).slice(0, 5),
      );
  }
  return examples;
}

function mappingItem(
  r: MappingRegistry,
  connectionName: string,
  inForce: Map<string, string | null>,
  examples: Map<string, Json[]>,
): InboxItem {
  const evidence = (r.evidence ?? null) as { reason?: string; before?: { field: string } | null } | null;
  const repair = r.method === "repair";
  return {
    id: r.id,
    kind: kindOf(r),
    connectionId: r.connectionId,
    connectionName,
    stream: r.sourceStream,
    field: r.sourceField,
    from: evidence?.before?.field ?? null,
    target: r.ontologyField,
    current: inForce.get(keyOf(r)) ?? null,
    transform: r.transform as InboxItem["transform"],
    confidence: r.confidence,
    reason: repair ? (evidence?.reason ?? "proposed by the repair agent") : proposalReason(r),
    evidence: repair ? (r.evidence as Json) : { examples: examples.get(keyOf(r)) ?? [] },
    createdAt: r.createdAt,
  };
}

/** Why a matcher proposal waits, in words: no target found, or how sure the matcher was. */
function proposalReason(r: MappingRegistry): string {
  if (!r.ontologyField) return "the matcher found no target for this field: map it, or leave it unmapped";
  const how: Record<string, string> = {
    prior: "a decision made before",
    exact: "the same name",
    alias: "a known alias",
    tokens: "words in the name",
    pattern: "the shape of its values",
    llm: "the language model",
  };
  return `matched by ${how[r.method] ?? r.method} at ${Math.round(r.confidence * 100)}%, below the auto-approve threshold`;
}

function schemaItem(e: DriftEvent, connectionName: string): InboxItem {
  const what = e.kind.replace(/_/g, " ");
  const types = e.previousType || e.currentType ? ` (${e.previousType ?? "?"} → ${e.currentType ?? "?"})` : "";
  return {
    id: e.id,
    kind: "schema",
    connectionId: e.connectionId,
    connectionName,
    stream: e.stream,
    field: e.field,
    from: e.previousField,
    target: null,
    current: null,
    transform: null,
    confidence: e.confidence,
    reason: `${e.severity.replace(/_/g, " ")}: ${what}${e.field ? ` ${e.field}` : ""}${types}, held by the connection's schema policy`,
    evidence: { severity: e.severity, previousType: e.previousType, currentType: e.currentType, details: e.details as Json },
    createdAt: e.createdAt,
  };
}
