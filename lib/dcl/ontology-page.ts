import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { buildLineageGraph } from "./graph";
import type { MappingDto } from "./mappings/dto";
import { allMappingVersions } from "./mappings/list-mappings";
import type { People } from "./mappings/method-words";
import { targetOf, type OntologyDefinition, type OntologyFieldType } from "./ontology/definition";
import { readDclState } from "./state";
import { listViews } from "./views/query";

/** A field with at least one approved mapping: the version in force and every version, newest first. */
export type MappedField = { connectionId: string; stream: string; field: string; current: MappingDto; versions: MappingDto[] };

/** One field of the canonical ontology and the source fields whose mapping in force targets it. */
export type OntologyFieldRow = { entity: string; field: string; type: OntologyFieldType; description: string; sources: MappingDto[] };

const fieldKey = (m: MappingDto) => JSON.stringify([m.connectionId, m.stream, m.field]);

/**
 * Everything the Ontology page shows: the lineage graph, the unified views, the ontology's fields
 * with what is mapped onto them, proposals waiting for a person, the mappings in force with their
 * history, the ontology fields a mapping can target, and the names of the people who decided.
 * Every read is scoped to the tenant, and the build is read as it is now (never a cached one), so
 * a page refreshed on `dcl.views.rebuilt` shows that build.
 */
export async function getOntologyPage({ ctx }: { ctx: TenantContext }) {
  const state = await readDclState(ctx, { fresh: true });
  const { ontology } = state;
  const [graph, views, history, rebuild] = await Promise.all([
    buildLineageGraph(ctx, state),
    listViews(ctx, state),
    allMappingVersions(ctx),
    ctx.db.task.findFirst({
      where: { tenantId: ctx.tenantId, type: "dcl.rebuild" },
      orderBy: { createdAt: "desc" },
      select: { status: true },
    }),
  ]);
  const byField = new Map<string, MappingDto[]>();
  for (const m of history) {
    const versions = byField.get(fieldKey(m));
    if (versions) versions.push(m);
    else byField.set(fieldKey(m), [m]);
  }
  const proposed: MappingDto[] = [];
  const mapped: MappedField[] = [];
  for (const versions of byField.values()) {
    // allMappingVersions orders each field's versions newest first.
    const [newest] = versions;
    if (newest.status === "proposed") proposed.push(newest);
    const current = versions.find((v) => v.status === "approved");
    if (current) mapped.push({ connectionId: current.connectionId, stream: current.stream, field: current.field, current, versions });
  }
  const builtAt = views.builtAt;
  // The graph's connection nodes are the tenant's connections; no second query for their names.
  const connectionNames = Object.fromEntries(
    graph.nodes.flatMap((n) => (n.kind === "source_parent" ? [[n.metadata.connectionId, n.label]] : [])),
  );
  return {
    connectionNames,
    graph,
    views,
    fields: ontologyFields(ontology, mapped),
    proposed,
    mapped,
    people: await peopleOf(ctx, history),
    /** Approvals (and corrections, rollbacks) the current build does not include yet. */
    approvedSinceBuild: history.filter((m) => m.status === "approved" && m.decidedAt && (!builtAt || m.decidedAt > builtAt)).length,
    targets: ontology.entities.map((e) => ({ entity: e.name, fields: e.fields.map((f) => targetOf(e.name, f.name)) })),
    rebuildStatus: rebuild?.status ?? null,
  };
}

/** Every field of the ontology, in its order, with the mappings in force that target it. */
function ontologyFields(ontology: OntologyDefinition, mapped: MappedField[]): OntologyFieldRow[] {
  const byTarget = new Map<string, MappingDto[]>();
  for (const { current } of mapped) {
    if (!current.target) continue;
    const sources = byTarget.get(current.target);
    if (sources) sources.push(current);
    else byTarget.set(current.target, [current]);
  }
  return ontology.entities.flatMap((e) =>
    e.fields.map((f) => ({
      entity: e.name,
      field: f.name,
      type: f.type,
      description: f.description,
      sources: byTarget.get(targetOf(e.name, f.name)) ?? [],
    })),
  );
}

/** Names of the members who made or decided a mapping version; someone no longer a member is left out. */
async function peopleOf(ctx: TenantContext, mappings: MappingDto[]): Promise<People> {
  const ids = [...new Set(mappings.flatMap((m) => [m.createdById, m.decidedById]).filter((id): id is string => id !== null))];
  if (ids.length === 0) return {};
  const members = await ctx.db.membership.findMany({
    where: { tenantId: ctx.tenantId, userId: { in: ids } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return Object.fromEntries(members.map((m) => [m.userId, m.user.name || m.user.email]));
}
