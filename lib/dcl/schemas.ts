import { z } from "zod";
import { ConnectionStatus, ConnectionType } from "@/lib/aam/schemas";
import { AgentKind } from "@/lib/agents/schemas";
import { Id } from "@/lib/http/wire";
import { BuildSummary } from "./views/schemas";

/** What `POST /dcl/connect` did: streams matched, proposals recorded, and the build it made. */
export const ConnectSummary = z
  .object({
    streams: z.int().min(0).meta({ description: "Source streams the matcher looked at" }),
    proposed: z.int().min(0).meta({ description: "New mapping proposals waiting for a person" }),
    autoApproved: z.int().min(0).meta({ description: "New mappings approved at once (at or above the auto-approve threshold)" }),
    build: BuildSummary,
  })
  .meta({ id: "DclConnectSummary" });
export type ConnectSummary = z.infer<typeof ConnectSummary>;

const Count = z.int().min(0);
const NodeBase = { id: z.string().meta({ examples: ["ontology:account"] }), label: z.string() };

/** The lineage graph's nodes, one layer per kind, left to right: connections, their streams, entities, agents. */
export const GraphNode = z
  .discriminatedUnion("kind", [
    z.object({
      ...NodeBase,
      kind: z.literal("source_parent").meta({ description: "A connection" }),
      depth: z.literal(0),
      metadata: z.object({
        connectionId: Id,
        type: ConnectionType,
        status: ConnectionStatus,
        lastSyncAt: z.iso.datetime().nullable(),
        streams: Count.meta({ description: "Its active streams" }),
      }),
    }),
    z.object({
      ...NodeBase,
      kind: z.literal("source").meta({ description: "A stream of a connection" }),
      depth: z.literal(1),
      metadata: z.object({
        connectionId: Id,
        stream: z.string(),
        records: Count,
        entity: z.string().nullable().meta({ description: "The entity it feeds in the current build; null when none" }),
      }),
    }),
    z.object({
      ...NodeBase,
      kind: z.literal("ontology").meta({ description: "An entity of the ontology (a unified view)" }),
      depth: z.literal(2),
      metadata: z.object({ rows: Count, fields: Count, description: z.string() }),
    }),
    z.object({
      ...NodeBase,
      kind: z.literal("agent").meta({ description: "An agent of the tenant" }),
      depth: z.literal(3),
      metadata: z.object({
        description: z.string(),
        entities: z.array(z.string()).meta({ description: "The entities (views) it reads" }),
        kind: AgentKind,
        enabled: z.boolean(),
      }),
    }),
  ])
  .meta({ id: "LineageNode" });
export type GraphNode = z.infer<typeof GraphNode>;

/** The lineage graph's edges; `weight` is a row count, so a Sankey is drawn without computing anything. */
export const GraphEdge = z
  .discriminatedUnion("kind", [
    z.object({
      id: z.string(),
      kind: z.literal("contains").meta({ description: "A connection to one of its streams" }),
      source: z.string(),
      target: z.string(),
      weight: Count.meta({ description: "The stream's records" }),
      metadata: z.object({ records: Count }),
    }),
    z.object({
      id: z.string(),
      kind: z.literal("maps_to").meta({ description: "A stream to the entity it feeds" }),
      source: z.string(),
      target: z.string(),
      weight: Count.meta({ description: "Rows the stream contributes to the view" }),
      metadata: z.object({ rows: Count, mappedFields: Count, mappingVersion: z.int().min(1) }),
    }),
    z.object({
      id: z.string(),
      kind: z.literal("feeds").meta({ description: "An entity to an agent that reads it" }),
      source: z.string(),
      target: z.string(),
      weight: Count.meta({ description: "Rows of the view" }),
      metadata: z.object({ rows: Count }),
    }),
  ])
  .meta({ id: "LineageEdge" });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const LineageGraph = z
  .object({
    builtAt: z.iso.datetime().nullable().meta({ description: "When the current build was made; null before the first" }),
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
  })
  .meta({ id: "LineageGraph" });
export type LineageGraph = z.infer<typeof LineageGraph>;
