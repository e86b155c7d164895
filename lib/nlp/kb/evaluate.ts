import { z } from "zod";
import { supportOf } from "@/lib/nlp/ask/support";
import { bm25Rank, idf } from "./bm25";
import { chunkBlocks, indexedText, type ChunkOptions } from "./chunk";
import { embedLocally } from "./embed/local";
import { extractBlocks, formatOf } from "./extract";
import { DEFAULT_CANDIDATES, DEFAULT_RRF_K, fuseRanks } from "./rrf";
import { termCounts, tokenize } from "./tokenize";

/** A labelled query: passages of documents (exact text) that answer it. */
export const LabeledQuery = z.object({
  id: z.string(),
  split: z.enum(["tune", "holdout", "unanswerable"]),
  query: z.string().min(1),
  relevant: z.array(z.object({ doc: z.string(), evidence: z.string().min(1) })),
});
export type LabeledQuery = z.infer<typeof LabeledQuery>;

export type RetrievalMode = "bm25" | "vector" | "hybrid";
export type ModeScore = { ndcg10: number; recall10: number; mrr: number };

type EvalChunk = { id: string; doc: string; start: number; end: number; terms: Map<string, number>; length: number; vector: number[] };

/**
 * Retrieval quality of the three modes on a labelled set, with the production chunker, tokenizer,
 * BM25, local embedding (exact cosine: the index's recall is the benchmark's business) and RRF.
 * A chunk is relevant when it covers at least half of an evidence passage; each passage counts
 * once (the first chunk covering it), so nDCG@10 rewards finding different answers, not one twice.
 * `refused` counts the queries the answer would call unanswerable (lib/nlp/ask/support.ts).
 */
export async function evaluateRetrieval(
  docs: { name: string; bytes: Buffer }[],
  queries: LabeledQuery[],
  { chunking, rrfK = DEFAULT_RRF_K, candidates = DEFAULT_CANDIDATES }: { chunking?: ChunkOptions; rrfK?: number; candidates?: number } = {},
) {
  const chunks: EvalChunk[] = [];
  const texts = new Map<string, string>();
  for (const doc of docs) {
    const { text, chunks: cut } = chunkBlocks(await extractBlocks(doc.bytes, formatOf(doc.name), doc.name), chunking);
    texts.set(doc.name, text);
    for (const c of cut) {
      const terms = tokenize(indexedText(c));
      chunks.push({
        id: `${doc.name}#${c.position}`,
        doc: doc.name,
        start: c.start,
        end: c.end,
        terms: termCounts(terms),
        length: terms.length,
        vector: embedLocally(indexedText(c)),
      });
    }
  }
  const df = new Map<string, number>();
  for (const c of chunks) for (const t of c.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  /** As search.ts computes it: the share of the query's idf weight the chunk holds. */
  const weight = (t: string) => idf(df.get(t) ?? 0, chunks.length);
  const coverage = (terms: string[], chunk: EvalChunk) => {
    const total = terms.reduce((s, t) => s + weight(t), 0);
    return total ? terms.filter((t) => chunk.terms.has(t)).reduce((s, t) => s + weight(t), 0) / total : 0;
  };
  const perQuery = queries.map((q) => {
    const passages = q.relevant.map((r) => locate(texts, r.doc, r.evidence));
    const queryTerms = [...new Set(tokenize(q.query))];
    const bm25 = bm25Rank(queryTerms, chunks).slice(0, candidates);
    const qv = embedLocally(q.query);
    const vector = chunks
      .map((c) => ({ id: c.id, score: dot(qv, c.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, candidates);
    const hybrid = fuseRanks([bm25, vector], rrfK);
    const byId = new Map(chunks.map((c) => [c.id, c]));
    const score = (ranking: { id: string }[]) =>
      judge(
        ranking.map((r) => byId.get(r.id)!),
        passages,
      );
    return {
      id: q.id,
      split: q.split,
      bm25: score(bm25),
      vector: score(vector),
      hybrid: score(hybrid),
      support: supportOf(
        hybrid.slice(0, 5).map((h) => coverage(queryTerms, byId.get(h.id)!)),
        0,
      ),
    };
  });
  const mean = (split: string, mode: RetrievalMode): ModeScore => {
    const rows = perQuery.filter((r) => r.split === split);
    const avg = (k: keyof ModeScore) => rows.reduce((s, r) => s + r[mode][k], 0) / Math.max(1, rows.length);
    return { ndcg10: avg("ndcg10"), recall10: avg("recall10"), mrr: avg("mrr") };
  };
  const splits = [...new Set(perQuery.map((r) => r.split))];
  const refused = (s: string) => perQuery.filter((r) => r.split === s && r.support === "none").length;
  return {
    chunks: chunks.length,
    splits: Object.fromEntries(
      splits.map((s) => [
        s,
        {
          queries: perQuery.filter((r) => r.split === s).length,
          refused: refused(s),
          bm25: mean(s, "bm25"),
          vector: mean(s, "vector"),
          hybrid: mean(s, "hybrid"),
        },
      ]),
    ),
    perQuery,
  };
}

type Passage = { doc: string; start: number; end: number };

function locate(texts: Map<string, string>, doc: string, evidence: string): Passage {
  const text = texts.get(doc);
  if (text === undefined) throw new Error(`No document ${doc}`);
  const pattern = new RegExp(
    evidence
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\s+"),
  );
  const match = pattern.exec(text);
  if (!match) throw new Error(`Evidence not found in ${doc} as extracted: ${evidence}`);
  return { doc, start: match.index, end: match.index + match[0].length };
}

function judge(ranking: EvalChunk[], passages: Passage[]): ModeScore {
  const found = new Set<number>();
  let dcg = 0;
  let firstHit = 0;
  ranking.forEach((chunk, i) => {
    const hit = passages.findIndex((p, j) => !found.has(j) && p.doc === chunk.doc && overlap(p, chunk) * 2 >= p.end - p.start);
    if (hit < 0) return;
    found.add(hit);
    if (i < 10) dcg += 1 / Math.log2(i + 2);
    if (!firstHit) firstHit = i + 1;
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(10, passages.length); i++) ideal += 1 / Math.log2(i + 2);
  const top10 = new Set<number>();
  ranking
    .slice(0, 10)
    .forEach((chunk) => passages.forEach((p, j) => p.doc === chunk.doc && overlap(p, chunk) * 2 >= p.end - p.start && top10.add(j)));
  return {
    ndcg10: ideal ? dcg / ideal : 0,
    recall10: passages.length ? top10.size / passages.length : 0,
    mrr: firstHit ? 1 / firstHit : 0,
  };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
