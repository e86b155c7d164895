import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { listAgents, type AgentDto } from "@/lib/agents/registry";
import type { GraphEdge, GraphNode, LineageGraph } from "./schemas";
import { readDclState, type DclState } from "./state";

export type { GraphEdge, GraphNode } from "./schemas";
export type NodeKind = GraphNode["kind"];
export type EdgeKind = GraphEdge["kind"];

/** Sankey layers, left to right. */
export const NODE_DEPTH = { source_parent: 0, source: 1, ontology: 2, agent: 3 } as const satisfies Record<NodeKind, number>;

const streamNode = (connectionId: string, stream: string) => `source:${connectionId}:${stream}`;

/**
 * The lineage graph: connections -> their streams -> the entities they feed -> the agents that read
 * them (the tenant's registered agents). Weights are row counts (stream records, rows each stream contributes, rows each entity
 * holds), so the UI can draw a Sankey without computing anything. Built from stored state and the
 * current DuckDB build; nothing is invented for an empty tenant. Pass `state` when it is already read.
 */
export async function buildLineageGraph(scope: TenantScope, state?: DclState): Promise<LineageGraph> {
  const [connections, { ontology, build }, agents] = await Promise.all([
    scope.db.connection.findMany({
      where: { tenantId: scope.tenantId },
      select: {
        id: true,
        name: true,
        type: true,
        status: true,
        lastSyncAt: true,
        streams: { where: { status: "active" }, select: { name: true, recordCount: true } },
      },
      orderBy: { name: "asc" },
    }),
    state ?? readDclState(scope),
    listAgents(scope),
  ]);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const streams = new Set<string>();
  for (const c of connections) {
    const id = `source_parent:${c.id}`;
    nodes.push({
      id,
      kind: "source_parent",
      depth: NODE_DEPTH.source_parent,
      label: c.name,
      metadata: {
        connectionId: c.id,
        type: c.type,
        status: c.status,
        lastSyncAt: c.lastSyncAt?.toISOString() ?? null,
        streams: c.streams.length,
      },
    });
    for (const s of c.streams) {
      const fed = build.sources.find((b) => b.connectionId === c.id && b.stream === s.name);
      streams.add(streamNode(c.id, s.name));
      nodes.push({
        id: streamNode(c.id, s.name),
        kind: "source",
        depth: NODE_DEPTH.source,
        label: s.name,
        metadata: { connectionId: c.id, stream: s.name, records: s.recordCount, entity: fed?.entity ?? null },
      });
      edges.push({
        id: `contains:${c.id}:${s.name}`,
        kind: "contains",
        source: id,
        target: streamNode(c.id, s.name),
        weight: s.recordCount,
        metadata: { records: s.recordCount },
      });
    }
  }
  const rows = new Map(build.entities.map((e) => [e.entity, e.rows]));
  for (const entity of ontology.entities) {
    nodes.push({
      id: `ontology:${entity.name}`,
      kind: "ontology",
      depth: NODE_DEPTH.ontology,
      label: entity.name,
      metadata: { rows: rows.get(entity.name) ?? 0, fields: entity.fields.length, description: entity.description },
    });
  }
  for (const s of build.sources) {
    const from = streamNode(s.connectionId, s.stream);
    if (!streams.has(from)) continue;
    edges.push({
      id: `maps_to:${s.connectionId}:${s.stream}:${s.entity}`,
      kind: "maps_to",
      source: from,
      target: `ontology:${s.entity}`,
      weight: s.rows,
      metadata: { rows: s.rows, mappedFields: s.mappedFields, mappingVersion: s.mappingVersion },
    });
  }
  for (const agent of agents) {
    const entities = agent.entities as string[];
    nodes.push({
      id: `agent:${agent.slug}`,
      kind: "agent",
      depth: NODE_DEPTH.agent,
      label: agent.name,
      metadata: { description: agent.description, entities, kind: agent.kind as AgentDto["kind"], enabled: agent.enabled },
    });
    for (const entity of entities) {
      if (!ontology.entities.some((e) => e.name === entity)) continue;
      edges.push({
        id: `feeds:${entity}:${agent.slug}`,
        kind: "feeds",
        source: `ontology:${entity}`,
        target: `agent:${agent.slug}`,
        weight: rows.get(entity) ?? 0,
        metadata: { rows: rows.get(entity) ?? 0 },
      });
    }
  }
  return { builtAt: build.builtAt || null, nodes, edges };
}
