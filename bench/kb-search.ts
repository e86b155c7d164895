/**
 * Hybrid search over a large knowledge base: N chunks (default 50,000) ingested through the real
 * path (upload, extraction, redaction, chunking, local embedding, postings, HNSW), then queries
 * timed per mode (BM25, vector through HNSW, hybrid with RRF; the query's embedding included),
 * and the HNSW side's recall@10 against exact search (a sequential scan) on the same vectors.
 * On PostgreSQL when BENCH_DATABASE_URL names one, else on embedded PGlite.
 *
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/aos_bench npx tsx --conditions=react-server bench/kb-search.ts [chunks=50000] [queries=200]
 *
 * BENCH_KEEP=1 keeps the tenant and its data (for psql, or another run); BENCH_TENANT=<id> searches
 * a kept tenant's knowledge base again without ingesting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.AOS_DATA_DIR = await mkdtemp(path.join(tmpdir(), "aos-bench-"));
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "";
process.env.LOG_LEVEL = "error";

const CHUNKS = Number(process.argv[2] ?? 50_000);
const QUERIES = Number(process.argv[3] ?? 200);
const { closeDb, getDb, getDbState } = await import("@/lib/db");
const { systemDb, tenantDb } = await import("@/lib/db/scope");
const { addDocument } = await import("@/lib/nlp/kb/documents");
const { ingestDocument } = await import("@/lib/nlp/kb/ingest");
const { localEmbedder } = await import("@/lib/nlp/kb/embed");
const { EF_SEARCH, searchKb } = await import("@/lib/nlp/kb/search");
const { percentile } = await import("./support");

/** A seeded PRNG (mulberry32): the same corpus on every machine. */
let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

// Sentences and queries of the labelled public documents: a corpus with real vocabulary and term statistics.
const DIR = "tests/fixtures/kb/eval";
const sentences = readdirSync(`${DIR}/docs`)
  .flatMap((name) =>
    readFileSync(`${DIR}/docs/${name}`, "utf8")
      .replace(/<[^>]+>/g, " ")
      .split(/(?<=[.!?])\s+/),
  )
  .map((s) => s.replace(/\s+/g, " ").trim())
  .filter((s) => s.split(" ").length >= 6 && s.split(" ").length <= 40);
const queries = (JSON.parse(readFileSync(`${DIR}/queries.json`, "utf8")) as { query: string }[]).map((q) => q.query);

const base = await getDb();
const owner = systemDb(base, "benchmark");
const reused = process.env.BENCH_TENANT;
const tenant = reused
  ? await owner.tenant.findUniqueOrThrow({ where: { id: reused } })
  : await owner.tenant.create({ data: { name: "KB bench", slug: `kb-bench-${Date.now()}` } });
const user = reused
  ? null
  : await owner.user.create({ data: { email: `kb-bench-${Date.now()}@example.test`, name: "Bench", passwordHash: "-" } });
const db = tenantDb(base, tenant.id, user?.id);
const ctx = { tenantId: tenant.id, db, actor: { userId: user?.id ?? "", role: "owner" as const, via: "bearer" as const } };

// Documents of 500 chunks: sections of ~6 paragraphs of ~25 words, each paragraph a chunk-sized run.
const PER_DOC = 500;
const started = performance.now();
let chunks = reused ? await db.kbChunk.count({ where: { tenantId: tenant.id } }) : 0;
for (let d = 0; chunks < CHUNKS; d++) {
  const sections: string[] = [];
  for (let s = 0; s < PER_DOC / 5; s++) {
    const paragraphs = Array.from({ length: 5 }, () => Array.from({ length: 7 }, () => pick(sentences)).join(" "));
    sections.push(`## Section ${d}.${s}\n\n${paragraphs.join("\n\n")}`);
  }
  const body = new Blob([`# Bench document ${d}\n\n${sections.join("\n\n")}`]).stream();
  const { document } = await addDocument(ctx, { name: `bench-${d}.md`, body });
  const outcome = await ingestDocument(ctx, document.id, { embedder: localEmbedder });
  chunks += outcome.chunks ?? 0;
  if (d % 10 === 0) process.stderr.write(`\r${chunks} chunks`);
}
const ingestSeconds = (performance.now() - started) / 1000;
process.stderr.write("\n");
const postings = await db.kbPosting.count({ where: { tenantId: tenant.id } });
if ((await getDbState()).mode === "server") await owner.$executeRawUnsafe("VACUUM ANALYZE kb_chunks, kb_postings, kb_documents");

async function time(mode: "bm25" | "vector" | "hybrid") {
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    await searchKb(ctx, { query: queries[i % queries.length]!, k: 10, mode }, localEmbedder);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}
for (let i = 0; i < 20; i++) await searchKb(ctx, { query: queries[i]!, k: 10, mode: "hybrid" }, localEmbedder); // warm up
const timings = { bm25: await time("bm25"), vector: await time("vector"), hybrid: await time("hybrid") };

// Recall of the HNSW scan (the search's ef_search, iterative) against an exact scan of the same vectors.
const [model] = await db.$queryRaw<{ m: string }[]>`SELECT ${localEmbedder.id} AS m`;
async function nearest(vector: number[], exact: boolean): Promise<string[]> {
  const literal = `[${vector.join(",")}]`;
  return db.$transaction(async (tx) => {
    if (exact) await tx.$executeRaw`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
    else
      await tx.$executeRaw`SELECT set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM kb_chunks WHERE tenant_id = ${tenant.id}::uuid ORDER BY embedding <=> ${literal}::vector LIMIT 10`;
    return rows.map((r) => r.id);
  });
}
let found = 0;
const recallQueries = Math.min(QUERIES, queries.length);
for (let i = 0; i < recallQueries; i++) {
  const [vector] = await localEmbedder.embed([queries[i]!]);
  const [approx, exact] = [await nearest(vector!, false), await nearest(vector!, true)];
  found += approx.filter((id) => exact.includes(id)).length / Math.max(1, exact.length);
}
const plan = await db.$transaction(async (tx) => {
  await tx.$executeRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
  return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM kb_chunks WHERE tenant_id = '${tenant.id}' ORDER BY embedding <=> '[${(await localEmbedder.embed(["x"]))[0]!.join(",")}]' LIMIT 10`,
  );
});

const row = (name: string, ms: number[]) =>
  `${name.padEnd(22)} ${percentile(ms, 50).toFixed(1).padStart(7)} ${percentile(ms, 95).toFixed(1).padStart(7)} ${percentile(ms, 99).toFixed(1).padStart(7)}`;
console.log(
  `knowledge-base search, ${chunks} chunks (${postings} postings), ${QUERIES} queries per mode, ${(await getDbState()).mode} database, model ${model!.m}`,
);
if (!reused) console.log(`ingest: ${ingestSeconds.toFixed(1)} s (${Math.round(chunks / ingestSeconds)} chunks/s, extraction to index)`);
console.log(`mode                   p50 ms  p95 ms  p99 ms`);
console.log(row("bm25", timings.bm25));
console.log(row("vector (hnsw)", timings.vector));
console.log(row("hybrid (rrf)", timings.hybrid));
const usesIndex = plan.some((line) => line["QUERY PLAN"].includes("kb_chunks_embedding_idx"));
console.log(
  `hnsw recall@10 vs exact scan: ${((found / recallQueries) * 100).toFixed(1)}% over ${recallQueries} queries; the vector query ${usesIndex ? "uses" : "does NOT use"} the HNSW index`,
);
console.log(
  JSON.stringify({
    bench: "kb-search",
    chunks,
    postings,
    ingestSeconds,
    p95: { bm25: percentile(timings.bm25, 95), vector: percentile(timings.vector, 95), hybrid: percentile(timings.hybrid, 95) },
    recallAt10: found / recallQueries,
  }),
);
if (!process.env.BENCH_KEEP && !reused) {
  await owner.tenant.delete({ where: { id: tenant.id } });
  await owner.user.delete({ where: { id: user!.id } });
}
await closeDb();
