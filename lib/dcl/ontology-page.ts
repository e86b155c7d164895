import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { buildLineageGraph } from "./graph";
import type { MappingDto } from "./mappings/dto";
import { listMappings } from "./mappings/list-mappings";
import { targetOf } from "./ontology/definition";
import { readDclState } from "./state";
import { listViews } from "./views/query";

/** A field with at least one approved mapping: the version in force and every version, newest first. */
export type MappedField = { connectionId: string; stream: string; field: string; current: MappingDto; versions: MappingDto[] };

const fieldKey = (m: MappingDto) => JSON.stringify([m.connectionId, m.stream, m.field]);

/**
 * Everything the Ontology page shows: the lineage graph, the unified views, proposals waiting for
 * a person, the mappings in force with their history, and the ontology fields a mapping can target.
 * Every read is scoped to the tenant.
 */
export async function getOntologyPage({ ctx }: { ctx: TenantContext }) {
  const state = await readDclState(ctx);
  const { ontology } = state;
  const [graph, views, history, rebuild] = await Promise.all([
    buildLineageGraph(ctx, state),
    listViews(ctx, state),
    listMappings({ ctx, input: { history: true } }),
    ctx.db.task.findFirst({ where: { tenantId: ctx.tenantId, type: "dcl.rebuild" }, orderBy: { createdAt: "desc" }, select: { status: true } }),
  ]);
  const byField = new Map<string, MappingDto[]>();
  for (const m of history.items) {
    const versions = byField.get(fieldKey(m));
    if (versions) versions.push(m);
    else byField.set(fieldKey(m), [m]);
  }
  const proposed: MappingDto[] = [];
  const mapped: MappedField[] = [];
  for (const versions of byField.values()) {
    // listMappings orders each field's versions newest first.
    const [newest] = versions;
    if (newest.status === "proposed") proposed.push(newest);
    const current = versions.find((v) => v.status === "approved");
    if (current) mapped.push({ connectionId: current.connectionId, stream: current.stream, field: current.field, current, versions });
  }
  const builtAt = views.builtAt;
  // The graph's connection nodes are the tenant's connections; no second query for their names.
  const connectionNames = Object.fromEntries(graph.nodes.filter((n) => n.kind === "source_parent").map((n) => [n.metadata.connectionId as string, n.label]));
  return {
    connectionNames,
    graph,
    views,
    proposed,
    mapped,
    /** Approvals (and corrections, rollbacks) the current build does not include yet. */
    approvedSinceBuild: history.items.filter((m) => m.status === "approved" && m.decidedAt && (!builtAt || m.decidedAt > builtAt)).length,
    targets: ontology.entities.map((e) => ({ entity: e.name, fields: e.fields.map((f) => targetOf(e.name, f.name)) })),
    rebuildStatus: rebuild?.status ?? null,
  };
}
