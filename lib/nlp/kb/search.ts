import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { UnavailableError } from "@/lib/errors";
import { describeFailure } from "@/lib/llm/generate-structured";
import { log } from "@/lib/log";
import { DEFAULT_BM25 } from "./bm25";
import type { Embedder } from "./embed";
import { DEFAULT_CANDIDATES, DEFAULT_RRF_K, fuseRanks } from "./rrf";
import type { KbSearchHit, KbSearchResult, SearchInput } from "./schemas";
import { tokenize } from "./tokenize";

/** HNSW candidates examined per search; iterative scans go further when the tenant filter drops some. */
export const EF_SEARCH = 200;
/** Postings read per query term, strongest first (see bm25Search). */
const POSTINGS_PER_TERM = 1000;

/**
 * Searches the tenant's knowledge base: BM25 over the postings, cosine similarity over the HNSW
 * index (vectors of the current embedding model only), or both fused with Reciprocal Rank Fusion.
 * Each hit carries its document, position and every score that ranked it.
 */
export async function searchKb(scope: TenantScope, input: SearchInput, embedder: Embedder): Promise<KbSearchResult> {
  const { query, k, mode, rrfK = DEFAULT_RRF_K, candidates = DEFAULT_CANDIDATES } = input;
  const depth = mode === "hybrid" ? Math.max(candidates, k) : k;
  // Both sides at once; the vector side is null when the embedding model fails.
  const [lexical, semantic] = await Promise.all([
    mode === "vector" ? [] : bm25Search(scope, tokenize(query), depth),
    mode === "bm25"
      ? []
      : embedQuery(scope, embedder, query).then((vector) => (vector ? vectorSearch(scope, vector, embedder.id, depth) : null)),
  ]);
  if (mode === "vector" && !semantic) throw new UnavailableError("The embedding model is unavailable; try again, or search in bm25 mode");
  const nearest = semantic ?? [];
  const top =
    mode === "hybrid"
      ? fuseRanks([lexical, nearest], rrfK).slice(0, k)
      : (mode === "bm25" ? lexical : nearest).slice(0, k).map((r) => ({ id: r.id, score: null }));
  const passages = new Map<string, Passage>([...lexical, ...nearest].map((p) => [p.id, p]));
  const bm25 = new Map(lexical.map((r, i) => [r.id, { score: r.score, rank: i + 1, coverage: r.coverage }]));
  const vector = new Map(nearest.map((r, i) => [r.id, { similarity: r.score, rank: i + 1 }]));
  const hits = top.map((t) => {
    const { id, document, position, heading, text, start, end } = passages.get(t.id)!;
    return {
      chunkId: id,
      document,
      position,
      heading,
      text,
      start,
      end,
      scores: { bm25: bm25.get(t.id) ?? null, vector: vector.get(t.id) ?? null, rrf: mode === "hybrid" ? t.score : null },
    };
  });
  return {
    mode,
    embeddingModel: embedder.id,
    hits,
    ...(mode === "hybrid" && !semantic && { note: "The embedding model is unavailable; these hits are BM25's only" }),
  };
}

/** The query's vector, or null when the embedding model fails (a hybrid search goes on with BM25). */
async function embedQuery(scope: TenantScope, embedder: Embedder, query: string): Promise<number[] | null> {
  try {
    return (await embedder.embed([query]))[0]!;
  } catch (error) {
    log.warn("query embedding failed", { tenantId: scope.tenantId, model: embedder.id, ...describeFailure(error) });
    return null;
  }
}

/**
 * BM25 in one statement: each query term's df and the tenant's chunk count and average length
 * (lib/nlp/kb/statistics.ts), and per chunk the sum of its terms' scores (lib/nlp/kb/bm25.ts).
 * Each term contributes its POSTINGS_PER_TERM highest-impact postings: exact for a term in fewer
 * chunks, and for a commoner one (low idf, small weights) only its weakest postings are left out.
 * `coverage` is the share of the query's idf weight the chunk holds (a term in no chunk weighs
 * most): how much of the question the passage speaks to, whatever its length.
 */
async function bm25Search(scope: TenantScope, terms: string[], limit: number): Promise<(Passage & { score: number; coverage: number })[]> {
  const distinct = [...new Set(terms)];
  if (distinct.length === 0) return [];
  const { k1, b } = DEFAULT_BM25;
  const rows = await scope.db.$queryRaw<(PassageRow & { score: number; coverage: number })[]>`
    WITH stats AS (
      SELECT coalesce(max(chunks), 0)::float8 AS n, coalesce(max(total_length)::float8 / nullif(max(chunks), 0), 1) AS avgdl
      FROM kb_corpus WHERE tenant_id = ${scope.tenantId}::uuid),
    w AS (
      SELECT q.term, ln(1 + (s.n - coalesce(t.df, 0) + 0.5) / (coalesce(t.df, 0) + 0.5)) AS idf
      FROM unnest(${distinct}::text[]) AS q(term) CROSS JOIN stats s
      LEFT JOIN kb_terms t ON t.tenant_id = ${scope.tenantId}::uuid AND t.term = q.term),
    total AS (SELECT sum(idf) AS idf FROM w),
    hits AS (
      SELECT w.term, w.idf, t.chunk_id, t.tf, t.length FROM w
      CROSS JOIN LATERAL (SELECT chunk_id, tf, length FROM kb_postings p WHERE p.tenant_id = ${scope.tenantId}::uuid AND p.term = w.term ORDER BY impact DESC LIMIT ${POSTINGS_PER_TERM}) t),
    ranked AS (
      SELECT h.chunk_id,
             sum(h.idf * h.tf * ${k1 + 1}::float8 / (h.tf + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * h.length / greatest(s.avgdl, 1))))::float8 AS score,
             (sum(h.idf) / greatest(max(t.idf), 1e-9))::float8 AS coverage
      FROM hits h CROSS JOIN stats s CROSS JOIN total t
      GROUP BY h.chunk_id ORDER BY score DESC, h.chunk_id LIMIT ${limit})
    SELECT r.score, r.coverage, ${PASSAGE_COLUMNS}
    FROM ranked r JOIN kb_chunks c ON c.id = r.chunk_id AND c.tenant_id = ${scope.tenantId}::uuid JOIN kb_documents d ON d.id = c.document_id
    ORDER BY r.score DESC, r.chunk_id`;
  return rows.map((r) => ({ ...toPassage(r), score: Number(r.score), coverage: Number(r.coverage) }));
}

/** Nearest chunks by cosine distance through the HNSW index, in the tenant, among vectors of `model`. */
async function vectorSearch(scope: TenantScope, vector: number[], model: string, limit: number): Promise<(Passage & { score: number })[]> {
  const literal = `[${vector.join(",")}]`;
  const rows = await scope.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
    return tx.$queryRaw<(PassageRow & { similarity: number })[]>`
      SELECT (1 - (c.embedding <=> ${literal}::vector))::float8 AS similarity, ${PASSAGE_COLUMNS}
      FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id
      WHERE c.tenant_id = ${scope.tenantId}::uuid AND c.embedding IS NOT NULL
        AND c.document_id IN (SELECT id FROM kb_documents WHERE tenant_id = ${scope.tenantId}::uuid AND embedding_model = ${model})
      ORDER BY c.embedding <=> ${literal}::vector LIMIT ${limit}`;
  });
  // Relaxed order may return neighbours slightly out of order: sort by the exact distance.
  return rows.map((r) => ({ ...toPassage(r), score: Number(r.similarity) })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** A hit without its scores, as both searches read it with their ranking (one statement each). */
type Passage = Omit<KbSearchHit, "scores" | "chunkId"> & { id: string };
type PassageRow = {
  id: string;
  position: number;
  heading: string;
  text: string;
  start: number;
  end: number;
  document_id: string;
  title: string;
  file_name: string;
};

const PASSAGE_COLUMNS = Prisma.sql`c.id::text AS id, c.position, c.heading, c.text, c.start_offset AS start, c.end_offset AS "end", d.id::text AS document_id, d.title, d.file_name`;

function toPassage(r: PassageRow): Passage {
  return {
    id: r.id,
    document: { id: r.document_id, title: r.title, fileName: r.file_name },
    position: r.position,
    heading: r.heading,
    text: r.text,
    start: r.start,
    end: r.end,
  };
}
