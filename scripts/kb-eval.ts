/**
 * Retrieval quality of the knowledge base on the labelled set in tests/fixtures/kb/eval (public
 * documents, queries written apart from the code): nDCG@10, recall@10 and MRR for BM25, the local
 * vector embedding and their RRF fusion, per split. `npm run kb:eval [-- --misses]`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { evaluateRetrieval, LabeledQuery } from "@/lib/nlp/kb/evaluate";

const DIR = "tests/fixtures/kb/eval";
const docs = readdirSync(path.join(DIR, "docs")).map((name) => ({ name, bytes: readFileSync(path.join(DIR, "docs", name)) }));
const queries = z.array(LabeledQuery).parse(JSON.parse(readFileSync(path.join(DIR, "queries.json"), "utf8")));
const result = await evaluateRetrieval(docs, queries);

const pct = (v: number) => v.toFixed(3);
console.log(`${docs.length} documents, ${result.chunks} chunks`);
for (const [split, s] of Object.entries(result.splits)) {
  if (split === "unanswerable") {
    console.log(`\nunanswerable (${s.queries} queries): ${s.refused} answered "found nothing", ${s.queries - s.refused} given passages`);
    continue;
  }
  console.log(`\n${split} (${s.queries} queries)      nDCG@10  recall@10  MRR    (${s.refused} would be answered "found nothing")`);
  for (const mode of ["bm25", "vector", "hybrid"] as const)
    console.log(`  ${mode.padEnd(20)} ${pct(s[mode].ndcg10)}    ${pct(s[mode].recall10)}    ${pct(s[mode].mrr)}`);
}
if (process.argv.includes("--misses"))
  for (const q of result.perQuery.filter((r) => r.split === "tune" && r.hybrid.recall10 < 1))
    console.log(`miss ${q.id}: bm25 ${pct(q.bm25.ndcg10)} vector ${pct(q.vector.ndcg10)} hybrid ${pct(q.hybrid.ndcg10)}`);
