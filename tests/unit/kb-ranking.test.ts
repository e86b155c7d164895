import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { bm25Rank, idf, termScore } from "@/lib/nlp/kb/bm25";
import { evaluateRetrieval, LabeledQuery } from "@/lib/nlp/kb/evaluate";
import { fuseRanks } from "@/lib/nlp/kb/rrf";

describe("BM25", () => {
  it("scores as Robertson and Spärck Jones with k1 = 1.2 and b = 0.75, worked by hand", () => {
    // 3 chunks, average length 4; "refund" in 1 of them, twice, in a chunk of 2 terms.
    const chunks = [
      { id: "a", terms: new Map([["refund", 2]]), length: 2 },
      {
        id: "b",
        terms: new Map([
          ["ship", 4],
          ["day", 1],
        ]),
        length: 5,
      },
      { id: "c", terms: new Map([["day", 5]]), length: 5 },
    ];
    const expectedIdf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    expect(idf(1, 3)).toBeCloseTo(expectedIdf, 12);
    const expected = (expectedIdf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * 2) / 4));
    expect(termScore(2, 2, 1, { chunks: 3, avgLength: 4 })).toBeCloseTo(expected, 12);
    expect(bm25Rank(["refund"], chunks)).toEqual([{ id: "a", score: expect.closeTo(expected, 12) }]);
    // A term in every chunk still counts a little; a shorter chunk ranks above a longer one at equal tf.
    const ranked = bm25Rank(["day"], chunks);
    expect(ranked.map((r) => r.id)).toEqual(["c", "b"]);
    expect(ranked.every((r) => r.score > 0)).toBe(true);
  });
});

describe("Reciprocal Rank Fusion", () => {
  it("adds 1/(k + rank) per list, with each item's rank in each list", () => {
    const fused = fuseRanks(
      [
        [{ id: "a" }, { id: "b" }, { id: "c" }],
        [{ id: "c" }, { id: "d" }],
      ],
      60,
    );
    // b and d tie (both second in one list): the id decides.
    expect(fused.map((f) => f.id)).toEqual(["c", "a", "b", "d"]);
    expect(fused[0]).toEqual({ id: "c", score: 1 / 63 + 1 / 61, ranks: [3, 1] });
    expect(fused[3]).toEqual({ id: "d", score: 1 / 62, ranks: [null, 2] });
  });

  it("lets k decide how much a first place outweighs agreement", () => {
    const lists = [
      ["x", "a", "b", "y"],
      ["z", "c", "d", "y"],
    ].map((l) => l.map((id) => ({ id })));
    expect(fuseRanks(lists, 60)[0]!.id).toBe("y");
    expect(fuseRanks(lists, 1)[0]!.id).toBe("x");
  });
});

describe("retrieval quality on held-out queries over public documents (npm run kb:eval prints the table)", async () => {
  const dir = "tests/fixtures/kb/eval";
  const docs = readdirSync(`${dir}/docs`).map((name) => ({ name, bytes: readFileSync(`${dir}/docs/${name}`) }));
  const queries = z.array(LabeledQuery).parse(JSON.parse(readFileSync(`${dir}/queries.json`, "utf8")));
  const result = await evaluateRetrieval(docs, queries);
  const holdout = result.splits.holdout!;

  it("has at least 50 judged held-out queries", () => {
    expect(holdout.queries).toBeGreaterThanOrEqual(50);
  });

  it("keeps nDCG@10 above its floors: BM25 0.70, hybrid 0.65, local vectors 0.55", () => {
    expect(holdout.bm25.ndcg10).toBeGreaterThanOrEqual(0.7);
    expect(holdout.hybrid.ndcg10).toBeGreaterThanOrEqual(0.65);
    expect(holdout.vector.ndcg10).toBeGreaterThanOrEqual(0.55);
    expect(holdout.hybrid.recall10).toBeGreaterThanOrEqual(0.85);
  });

  it("calls at most 1 in 20 answerable questions unanswerable, and at least half the unanswerable ones", () => {
    expect(holdout.refused).toBeLessThanOrEqual(Math.floor(holdout.queries / 20));
    const unanswerable = result.splits.unanswerable!;
    expect(unanswerable.refused * 2).toBeGreaterThanOrEqual(unanswerable.queries);
  });
});
