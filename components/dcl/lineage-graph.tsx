"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import type { EdgeKind, GraphEdge, GraphNode, NodeKind } from "@/lib/dcl/graph";
import { NODE_WIDTH, ROW_HEIGHT, layoutColumns, strokeWidth } from "./graph-layout";

type LineageNodeData = { kind: NodeKind; label: string; caption: string };
type LineageNode = Node<LineageNodeData, "lineage">;

const NODE_STYLE: Record<NodeKind, string> = {
  source_parent: "border-emerald-800 bg-emerald-800 text-white dark:border-emerald-600 dark:bg-emerald-900",
  source: "border-emerald-500 bg-white text-ink dark:border-emerald-700 dark:bg-slate-900 dark:text-slate-100",
  ontology: "border-brand-500 bg-brand-50 text-brand-700 cursor-pointer dark:bg-blue-950 dark:text-blue-300",
  agent: "border-violet-500 bg-violet-50 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
};
/** The app's colours: green for sources, blue for the ontology, purple for agents. */
const EDGE_COLOR: Record<EdgeKind, string> = { contains: "#10b981", maps_to: "#3b82f6", feeds: "#8b5cf6" };
/**
 * React Flow's theme variables: the card shows through, edge labels in the page's slate. Its credit
 * link is grey on a translucent panel (2.8:1) by default; here it is slate on the card's colour, AA in both themes.
 */
const FLOW_THEME =
  "[--xy-background-color:transparent] [--xy-edge-label-color:var(--color-slate-600)] dark:[--xy-edge-label-background-color:var(--color-slate-900)] dark:[--xy-edge-label-color:var(--color-slate-300)] [--xy-attribution-background-color:var(--color-white)] dark:[--xy-attribution-background-color:var(--color-slate-900)] [&_a[href*=reactflow]]:text-slate-600! dark:[&_a[href*=reactflow]]:text-slate-300!";
const HIDDEN_HANDLE = { opacity: 0 };
const nodeTypes = { lineage: LineageNodeView };

/**
 * The lineage graph as the backend built it: connections, their streams, the unified views and the
 * agents reading them, left to right. Line width follows the rows flowing (log scale); read-only.
 * Clicking a view opens it, clicking a connection opens the connection.
 */
export function LineageGraph({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const router = useRouter();
  const scheme = useColorScheme();
  const flow = useMemo(() => toFlow(nodes, edges), [nodes, edges]);
  const columns = new Map<number, number>();
  for (const n of nodes) columns.set(n.depth, (columns.get(n.depth) ?? 0) + 1);
  const height = Math.min(640, Math.max(320, Math.max(0, ...columns.values()) * ROW_HEIGHT + 80));

  function onNodeClick(node: GraphNode | undefined) {
    if (node?.kind === "ontology") router.push(`/ontology/${node.label}`);
    if (node?.kind === "source_parent" && typeof node.metadata.connectionId === "string")
      router.push(`/connections/${node.metadata.connectionId}`);
  }

  return (
    <div
      style={{ height }}
      className={`rounded-md border border-slate-100 dark:border-slate-800 ${FLOW_THEME}`}
      data-testid="lineage-graph"
    >
      <ReactFlow
        colorMode={scheme}
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, n) => onNodeClick(nodes.find((g) => g.id === n.id))}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        minZoom={0.2}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function LineageNodeView({ data }: NodeProps<LineageNode>) {
  return (
    <div style={{ width: NODE_WIDTH }} className={`rounded-md border px-3 py-2 shadow-sm ${NODE_STYLE[data.kind]}`} title={data.label}>
      {data.kind !== "source_parent" && <Handle type="target" position={Position.Left} style={HIDDEN_HANDLE} isConnectable={false} />}
      <div className="truncate text-sm font-semibold">{data.label}</div>
      <div className="truncate text-xs">{data.caption}</div>
      {data.kind !== "agent" && <Handle type="source" position={Position.Right} style={HIDDEN_HANDLE} isConnectable={false} />}
    </div>
  );
}

function toFlow(nodes: GraphNode[], edges: GraphEdge[]): { nodes: LineageNode[]; edges: Edge[] } {
  const positions = layoutColumns(nodes, edges);
  const maxWeight = Math.max(0, ...edges.map((e) => e.weight));
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: "lineage",
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { kind: n.kind, label: n.label, caption: captionOf(n) },
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: count(e.weight),
      labelStyle: { fontSize: 10 },
      labelBgPadding: [4, 2] as [number, number],
      focusable: false,
      style: {
        stroke: EDGE_COLOR[e.kind],
        strokeOpacity: 0.6,
        strokeWidth: strokeWidth(e.weight, maxWeight),
        strokeDasharray: e.weight > 0 ? undefined : "4 4",
      },
    })),
  };
}

function captionOf(n: GraphNode): string {
  switch (n.kind) {
    case "source_parent":
      return `${n.metadata.type} · ${count(n.metadata.streams)} streams`;
    case "source":
      return `${count(n.metadata.records)} records`;
    case "ontology":
      return `${count(n.metadata.rows)} rows`;
    case "agent":
      return `reads ${n.metadata.entities.length} views`;
  }
}

const count = (value: unknown) => Number(value ?? 0).toLocaleString("en");
