import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { DEFAULT_BM25 } from "./bm25";
import type { Embedder } from "./embed";
import { DEFAULT_CANDIDATES, DEFAULT_RRF_K, fuseRanks } from "./rrf";
import type { SearchInput } from "./schemas";
import { tokenize } from "./tokenize";

export type SearchHit = {
  chunkId: string;
  document: { id: string; title: string; fileName: string };
  position: number;
  heading: string;
  text: string;
  start: number;
  end: number;
  scores: { bm25: { score: number; rank: number; coverage: number } | null; vector: { similarity: number; rank: number } | null; rrf: number | null };
};

/** HNSW candidates examined per search; iterative scans go further when the tenant filter drops some. */
const EF_SEARCH = 100;

/**
 * Searches the tenant's knowledge base: BM25 over the postings, cosine similarity over the HNSW
 * index (vectors of the current embedding model only), or both fused with Reciprocal Rank Fusion.
 * Each hit carries its document, position and every score that ranked it.
 */
export async function searchKb(scope: TenantScope, input: SearchInput, embedder: Embedder): Promise<{ mode: SearchInput["mode"]; embeddingModel: string; hits: SearchHit[] }> {
  const { query, k, mode, rrfK = DEFAULT_RRF_K, candidates = DEFAULT_CANDIDATES } = input;
  const depth = mode === "hybrid" ? Math.max(candidates, k) : k;
  const [lexical, semantic] = await Promise.all([
    mode === "vector" ? [] : bm25Search(scope, tokenize(query), depth),
    mode === "bm25" ? [] : vectorSearch(scope, (await embedder.embed([query]))[0]!, embedder.id, depth),
  ]);
  const fused = mode === "hybrid" ? fuseRanks([lexical, semantic], rrfK) : (mode === "bm25" ? lexical : semantic).map((r, i) => ({ id: r.id, score: null, ranks: mode === "bm25" ? [i + 1, null] : [null, i + 1] }));
  const top = fused.slice(0, k);
  const details = await chunkDetails(scope, top.map((t) => t.id));
  const bm25 = new Map(lexical.map((r, i) => [r.id, { score: r.score, rank: i + 1, coverage: r.coverage }]));
  const vector = new Map(semantic.map((r, i) => [r.id, { similarity: r.score, rank: i + 1 }]));
  const hits = top.flatMap((t) => {
    const chunk = details.get(t.id);
    return chunk ? [{ ...chunk, scores: { bm25: bm25.get(t.id) ?? null, vector: vector.get(t.id) ?? null, rrf: mode === "hybrid" ? t.score : null } }] : [];
  });
  return { mode, embeddingModel: embedder.id, hits };
}

/**
 * BM25 in one statement: the query terms' postings (df counted from them), the tenant's chunk count
 * and average length, and the sum of each term's score per chunk (lib/nlp/kb/bm25.ts has the formula).
 * `coverage` is the share of the query's idf weight the chunk holds (terms in no chunk weigh most):
 * how much of the question the passage speaks to, whatever its length.
 */
async function bm25Search(scope: TenantScope, terms: string[], limit: number): Promise<{ id: string; score: number; coverage: number }[]> {
  const distinct = [...new Set(terms)];
  if (distinct.length === 0) return [];
  const { k1, b } = DEFAULT_BM25;
  const rows = await scope.db.$queryRaw<{ id: string; score: number; coverage: number }[]>`
    WITH stats AS (SELECT count(*)::float8 AS n, coalesce(avg(length), 1)::float8 AS avgdl FROM kb_chunks WHERE tenant_id = ${scope.tenantId}::uuid),
    p AS (SELECT term, chunk_id, tf, length FROM kb_postings WHERE tenant_id = ${scope.tenantId}::uuid AND term = ANY(${distinct}::text[])),
    w AS (SELECT term, ln(1 + (s.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM p CROSS JOIN stats s GROUP BY term, s.n),
    total AS (SELECT (SELECT coalesce(sum(idf), 0) FROM w) + (${distinct.length} - (SELECT count(*) FROM w)) * ln(1 + (s.n + 0.5) / 0.5) AS idf FROM stats s)
    SELECT p.chunk_id::text AS id,
           sum(w.idf * p.tf * ${k1 + 1}::float8 / (p.tf + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * p.length / greatest(s.avgdl, 1))))::float8 AS score,
           (sum(w.idf) / greatest(max(t.idf), 1e-9))::float8 AS coverage
    FROM p JOIN w USING (term) CROSS JOIN stats s CROSS JOIN total t
    GROUP BY p.chunk_id ORDER BY score DESC, p.chunk_id LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, score: Number(r.score), coverage: Number(r.coverage) }));
}

/** Nearest chunks by cosine distance through the HNSW index, in the tenant, among vectors of `model`. */
async function vectorSearch(scope: TenantScope, vector: number[], model: string, limit: number): Promise<{ id: string; score: number }[]> {
  const literal = `[${vector.join(",")}]`;
  const rows = await scope.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
    return tx.$queryRaw<{ id: string; similarity: number }[]>`
      SELECT c.id::text AS id, (1 - (c.embedding <=> ${literal}::vector))::float8 AS similarity
      FROM kb_chunks c
      WHERE c.tenant_id = ${scope.tenantId}::uuid AND c.embedding IS NOT NULL
        AND c.document_id IN (SELECT id FROM kb_documents WHERE tenant_id = ${scope.tenantId}::uuid AND embedding_model = ${model})
      ORDER BY c.embedding <=> ${literal}::vector LIMIT ${limit}`;
  });
  // Relaxed order may return neighbours slightly out of order: sort by the exact distance.
  return rows.map((r) => ({ id: r.id, score: Number(r.similarity) })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

async function chunkDetails(scope: TenantScope, ids: string[]) {
  if (ids.length === 0) return new Map<string, Omit<SearchHit, "scores">>();
  const rows = await scope.db.kbChunk.findMany({
    where: { tenantId: scope.tenantId, id: { in: ids } },
    select: { id: true, position: true, heading: true, text: true, start: true, end: true, document: { select: { id: true, title: true, fileName: true } } },
  });
  return new Map(rows.map((r) => [r.id, { chunkId: r.id, document: r.document, position: r.position, heading: r.heading, text: r.text, start: r.start, end: r.end }]));
}

