/** BM25 (Robertson–Spärck Jones idf, as in Lucene): the parameters and the score of one term in one chunk. */
export type Bm25Params = { k1: number; b: number };

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Corpus statistics the scores need: chunk count and average chunk length, in terms. */
export type CorpusStats = { chunks: number; avgLength: number };

/** The chunk length impacts are computed at (about a chunk's usual count of terms). */
export const REFERENCE_LENGTH = 100;

/**
 * A posting's impact: its term weight at the reference length, stored with it so that a search
 * reads a term's strongest postings first. The score itself uses the corpus's current average.
 */
export function impactOf(tf: number, length: number, { k1, b }: Bm25Params = DEFAULT_BM25): number {
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / REFERENCE_LENGTH));
}

/** idf = ln(1 + (N - df + 0.5) / (df + 0.5)): never negative, so a very common term still counts a little. */
export function idf(df: number, chunks: number): number {
  return Math.log(1 + (chunks - df + 0.5) / (df + 0.5));
}

/** One query term's contribution to a chunk of `length` terms holding it `tf` times. */
export function termScore(tf: number, length: number, df: number, stats: CorpusStats, { k1, b }: Bm25Params = DEFAULT_BM25): number {
  return (idf(df, stats.chunks) * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * length) / stats.avgLength));
}

/**
 * BM25 over chunks held in memory (the evaluation and the tests' reference for the SQL in
 * search.ts, which computes the same sum from the postings table). Query terms count once each.
 */
export function bm25Rank(
  queryTerms: string[],
  chunks: { id: string; terms: Map<string, number>; length: number }[],
  params: Bm25Params = DEFAULT_BM25,
) {
  const distinct = [...new Set(queryTerms)];
  const stats: CorpusStats = {
    chunks: chunks.length,
    avgLength: chunks.reduce((s, c) => s + c.length, 0) / Math.max(1, chunks.length) || 1,
  };
  const df = new Map(distinct.map((t) => [t, chunks.filter((c) => c.terms.has(t)).length]));
  return chunks
    .map((c) => ({
      id: c.id,
      score: distinct.reduce((s, t) => (c.terms.has(t) ? s + termScore(c.terms.get(t)!, c.length, df.get(t)!, stats, params) : s), 0),
    }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
