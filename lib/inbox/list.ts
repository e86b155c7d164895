import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { DriftEvent, MappingRegistry } from "@/lib/generated/prisma/client";
import type { ListInboxQuery } from "./schemas";
import type { InboxKind } from "./audit";

/** One thing waiting for a person, with what they need to decide it. */
export type InboxItem = {
  id: string;
  kind: InboxKind;
  connectionId: string;
  connectionName: string;
  stream: string;
  field: string | null;
  /** The field of the old schema a repair continues, or the old name of a renamed field. */
  from: string | null;
  /** The proposed target ("entity.field"); null for a schema change. */
  target: string | null;
  /** The target in force for this field now, if any. */
  current: string | null;
  transform: string | null;
  confidence: number | null;
  reason: string;
  evidence: unknown;
  createdAt: Date;
};

export type InboxCounts = Record<InboxKind, number> & { total: number };

/**
 * Everything waiting for a person in one tenant, newest first: repairs the agent was not sure
 * of, mapping proposals below the auto-approve threshold, and schema changes a connection's policy
 * holds. `counts` covers all of them; `items` the newest `limit` of those asked for.
 */
export async function listInbox(scope: TenantScope, query: ListInboxQuery): Promise<{ items: InboxItem[]; counts: InboxCounts }> {
  const [proposals, held] = await Promise.all([waitingProposals(scope, query.connectionId), heldChanges(scope, query.connectionId)]);
  const counts = countOf(proposals, held);
  const wanted = (kind: InboxKind) => !query.kind || query.kind === kind;
  const mappingRows = proposals
    .filter((p) => wanted(kindOf(p)))
    .sort(newestFirst)
    .slice(0, query.limit);
  const driftRows = wanted("schema") ? held.sort(newestFirst).slice(0, query.limit) : [];
  const connectionIds = [...new Set([...mappingRows, ...driftRows].map((r) => r.connectionId))];
  const [names, inForce, examples] = await Promise.all([
    connectionNames(scope, connectionIds),
    mappingsInForce(scope, mappingRows),
    fieldExamples(scope, mappingRows),
  ]);
  const items = [
    ...mappingRows.map((r) => mappingItem(r, names.get(r.connectionId) ?? "", inForce, examples)),
    ...driftRows.map((e) => schemaItem(e, names.get(e.connectionId) ?? "")),
  ];
  return { items: items.sort(newestFirst).slice(0, query.limit), counts };
}

/** How many items wait, by kind (the navigation's badge). */
export async function inboxCounts(scope: TenantScope): Promise<InboxCounts> {
  const [proposals, held] = await Promise.all([waitingProposals(scope), heldChanges(scope)]);
  return countOf(proposals, held);
}

const kindOf = (row: MappingRegistry): InboxKind => (row.method === "repair" ? "repair" : "mapping");
const newestFirst = (a: { createdAt: Date }, b: { createdAt: Date }) => b.createdAt.getTime() - a.createdAt.getTime();
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
async function fieldExamples(scope: TenantScope, rows: MappingRegistry[]): Promise<Map<string, unknown[]>> {
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
  const examples = new Map<string, unknown[]>();
  for (const p of profiles) {
    const fields = (p.profile as { fields?: Record<string, { examples?: unknown[] }> }).fields ?? {};
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
  examples: Map<string, unknown[]>,
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
    transform: r.transform,
    confidence: r.confidence,
    reason: repair ? (evidence?.reason ?? "proposed by the repair agent") : proposalReason(r),
    evidence: repair ? evidence : { examples: examples.get(keyOf(r)) ?? [] },
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
    evidence: { severity: e.severity, previousType: e.previousType, currentType: e.currentType, details: e.details },
    createdAt: e.createdAt,
  };
}
