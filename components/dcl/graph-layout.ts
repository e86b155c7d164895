/** Column geometry of the lineage graph, in flow coordinates. */
export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 84;
export const NODE_WIDTH = 190;

const MIN_STROKE = 1;
const MAX_STROKE = 10;

type LayoutNode = { id: string; depth: number };
type LayoutEdge = { source: string; target: string };

/**
 * Places nodes in one column per `depth` (x = depth * COLUMN_WIDTH), stacked top to bottom and
 * centred on the tallest column. The first two columns keep the order given; each later column is
 * ordered by the mean position of the nodes feeding it (nodes fed by nothing go last, in the order
 * given), which keeps most edges from crossing.
 */
export function layoutColumns(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, { x: number; y: number }> {
  const depths = [...new Set(nodes.map((n) => n.depth))].sort((a, b) => a - b);
  const rank = new Map<string, number>();
  const columns: LayoutNode[][] = [];
  for (const [i, depth] of depths.entries()) {
    const column = nodes.filter((n) => n.depth === depth);
    const ordered = i < 2 ? column : sortByFeeders(column, edges, rank);
    ordered.forEach((n, index) => rank.set(n.id, index));
    columns.push(ordered);
  }
  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const positions = new Map<string, { x: number; y: number }>();
  for (const column of columns) {
    const offset = ((tallest - column.length) * ROW_HEIGHT) / 2;
    column.forEach((n, index) => positions.set(n.id, { x: n.depth * COLUMN_WIDTH, y: offset + index * ROW_HEIGHT }));
  }
  return positions;
}

function sortByFeeders(column: LayoutNode[], edges: LayoutEdge[], rank: Map<string, number>): LayoutNode[] {
  const centre = (id: string) => {
    const feeders = edges.filter((e) => e.target === id && rank.has(e.source)).map((e) => rank.get(e.source)!);
    return feeders.length ? feeders.reduce((a, b) => a + b, 0) / feeders.length : Infinity;
  };
  // Array.prototype.sort is stable, so ties and unfed nodes keep the order given.
  return column
    .map((n) => ({ n, c: centre(n.id) }))
    .sort((a, b) => (a.c === b.c ? 0 : a.c - b.c))
    .map(({ n }) => n);
}

/** Stroke width on a log scale of the weight, relative to the heaviest edge; an empty edge is the thinnest. */
export function strokeWidth(weight: number, maxWeight: number): number {
  if (weight <= 0 || maxWeight <= 0) return MIN_STROKE;
  return MIN_STROKE + ((MAX_STROKE - MIN_STROKE) * Math.log1p(weight)) / Math.log1p(maxWeight);
}
