import { compact, tokenize } from "./tokens";

/**
 * Words that say little about meaning in source names (`lineItem/UnblendedCost`, `properties.hs_x`):
 * they count a third as much when names are compared.
 */
const WEAK = new Set([
  "line",
  "item",
  "identity",
  "bill",
  "billing",
  "product",
  "pricing",
  "metric",
  "property",
  "properties",
  "hs",
  "field",
  "value",
  "data",
  "info",
  "detail",
  "record",
  "total",
  "primary",
  "main",
  "current",
  "deal",
  "meta",
]);

const weight = (token: string) => (WEAK.has(token) ? 0.33 : 1);

/** Words that end many names (`entity_id`, `industry_id`, `close_date`): sharing only these says little. */
const GENERIC = new Set(["id", "name", "code", "number", "date", "time", "type", "key", "timestamp"]);

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // a shortened word: "emp" ~ "employee", "desc" ~ "description" (only for 3+ letters, and never digits)
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && /^[a-z]+$/.test(short) && long.startsWith(short);
}

/** Weighted F1 of the words two names share, in [0, 1]. */
function overlap(source: string[], candidate: string[]): number {
  if (!source.length || !candidate.length) return 0;
  const matchedSource = source.filter((s) => candidate.some((c) => sameWord(s, c)));
  const matchedCandidate = candidate.filter((c) => source.some((s) => sameWord(s, c)));
  const total = (words: string[]) => words.reduce((sum, w) => sum + weight(w), 0);
  const precision = total(matchedSource) / total(source);
  const recall = total(matchedCandidate) / total(candidate);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const onlyGeneric = matchedSource.every((w) => GENERIC.has(w)) && [...source, ...candidate].some((w) => !GENERIC.has(w));
  return onlyGeneric ? f1 * 0.5 : f1;
}

export type NameMatch = { score: number; via: "exact" | "alias" | "tokens" };

type Words = { tokens: string[]; compact: string; sorted: string };

const wordsOf = (name: string): Words => {
  const tokens = tokenize(name);
  return {
    tokens,
    compact: compact(tokens),
    sorted: [...tokens]
      .map((t) => compact([t]))
      .sort()
      .join(" "),
  };
};

/** An alias, and how much matching it counts (1 unless it is another system's name). */
export type Alias = { name: string; weight: number };

/** The names a target goes by (its own, then its aliases), read once and compared with every source name. */
export type NameCandidates = (Words & { via: "exact" | "alias"; weight: number })[];

export function nameCandidates(name: string, aliases: (string | Alias)[]): NameCandidates {
  const best = new Map<string, NameCandidates[number]>();
  const all = [
    { name, weight: 1, via: "exact" as const },
    ...aliases.map((a) => ({ ...(typeof a === "string" ? { name: a, weight: 1 } : a), via: "alias" as const })),
  ];
  for (const { name: n, weight, via } of all) {
    const words = wordsOf(n);
    const seen = best.get(words.compact);
    if (words.tokens.length && (!seen || seen.weight < weight)) best.set(words.compact, { ...words, via: seen?.via ?? via, weight });
  }
  return [...best.values()];
}

/** A source name read once: the whole name and, for a flattened path (`lineItem/UnblendedCost`), its last segment. */
export type SourceName = { whole: Words; leaf: Words | null };

export function readSourceName(name: string): SourceName {
  const leaf = name.split(/[./]/).filter(Boolean).pop();
  return { whole: wordsOf(name), leaf: leaf && leaf !== name ? wordsOf(leaf) : null };
}

/** The same words in another order (`date_echeance` for "due date"): nearly as good as the same name. */
const REORDERED = 0.96;

/**
 * How well a source name matches a target's names (for prefixed keys like `opportunity_id` the
 * caller adds the entity-prefixed name). The same words after normalization score 1.
 */
export function compareNames(source: SourceName, candidates: NameCandidates): NameMatch {
  const whole = compareWhole(source.whole, candidates);
  // A flattened path is also judged by its last segment, a little below the whole name since the prefix may change the meaning.
  if (!source.leaf || whole.score === 1) return whole;
  const byLeaf = compareWhole(source.leaf, candidates);
  return byLeaf.score * 0.92 > whole.score ? { score: byLeaf.score * 0.92, via: byLeaf.via } : whole;
}

function compareWhole(source: Words, candidates: NameCandidates): NameMatch {
  if (!source.tokens.length) return { score: 0, via: "tokens" };
  let best: NameMatch = { score: 0, via: "tokens" };
  for (const candidate of candidates) {
    const same = candidate.compact === source.compact;
    const score =
      candidate.weight * (same ? 1 : candidate.sorted === source.sorted ? REORDERED : overlap(source.tokens, candidate.tokens) * 0.85);
    if (score === 1) return { score, via: candidate.via };
    if (score > best.score) best = { score, via: same || candidate.sorted === source.sorted ? candidate.via : "tokens" };
  }
  return best;
}
