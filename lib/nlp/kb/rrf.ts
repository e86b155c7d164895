/** The constant of Reciprocal Rank Fusion (Cormack et al. 2009); configurable per search. */
export const DEFAULT_RRF_K = 60;

/**
 * How many of each retriever's best a fusion reads. Deeper lists let a retriever's weak tail
 * outvote the other's good answers; 20 was chosen on the tuning queries (npm run kb:eval).
 */
export const DEFAULT_CANDIDATES = 20;

export type Ranked = { id: string };

/**
 * Reciprocal Rank Fusion: each list adds 1 / (k + rank) to the items it holds (ranks from 1).
 * Returns every item of any list with its fused score and its rank in each list (null where absent),
 * best first; ties go to the item with the better best rank, then by id.
 */
export function fuseRanks(lists: Ranked[][], k = DEFAULT_RRF_K): { id: string; score: number; ranks: (number | null)[] }[] {
  const fused = new Map<string, { id: string; score: number; ranks: (number | null)[] }>();
  lists.forEach((list, l) =>
    list.forEach(({ id }, i) => {
      const entry = fused.get(id) ?? { id, score: 0, ranks: lists.map(() => null) };
      if (entry.ranks[l] !== null) return;
      entry.ranks[l] = i + 1;
      entry.score += 1 / (k + i + 1);
      fused.set(id, entry);
    }),
  );
  const bestRank = (e: { ranks: (number | null)[] }) => Math.min(...e.ranks.map((r) => r ?? Infinity));
  return [...fused.values()].sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.id.localeCompare(b.id));
}
