import { describe, expect, it } from "vitest";
import { COLUMN_WIDTH, layoutColumns, ROW_HEIGHT, strokeWidth } from "@/components/dcl/graph-layout";

describe("lineage graph layout", () => {
  it("puts each depth in its own column and orders later columns by what feeds them", () => {
    const nodes = [
      { id: "conn", depth: 0 },
      { id: "s1", depth: 1 },
      { id: "s2", depth: 1 },
      { id: "contact", depth: 2 },
      { id: "account", depth: 2 },
      { id: "unfed", depth: 2 },
    ];
    const edges = [
      { source: "s1", target: "account" },
      { source: "s2", target: "contact" },
    ];
    const at = layoutColumns(nodes, edges);
    expect(at.get("conn")!.x).toBe(0);
    expect(at.get("account")!.x).toBe(2 * COLUMN_WIDTH);
    // account is fed by the first stream, so it comes first; a node fed by nothing goes last.
    expect([at.get("account")!.y, at.get("contact")!.y, at.get("unfed")!.y]).toEqual([0, ROW_HEIGHT, 2 * ROW_HEIGHT]);
  });

  it("scales strokes on a log scale between the thinnest and thickest", () => {
    expect(strokeWidth(0, 400)).toBe(1);
    expect(strokeWidth(400, 400)).toBe(10);
    expect(strokeWidth(20, 400)).toBeGreaterThan(strokeWidth(2, 400));
  });
});
