import { compact, tokenize } from "./tokens";

/**
 * Words that say little about meaning in source names (`lineItem/UnblendedCost`, `properties.hs_x`):
 * they count a third as much when names are compared.
 */
const WEAK = new Set([
  "line", "item", "identity", "bill", "billing", "product", "pricing", "metric", "property", "properties", "hs", "field",
  "value", "data", "info", "detail", "record", "total", "primary", "main", "current", "deal", "meta",
]);

const weight = (token: string) => (WEAK.has(token) ? 0.33 : 1);

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
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export type NameMatch = { score: number; via: "exact" | "alias" | "tokens" };

/**
 * How well a source name matches an ontology field, its aliases, and (for prefixed keys like
 * `opportunity_id`) the same names with the entity in front. Exact words after normalization score 1.
 */
export function compareNames(sourceName: string, fieldName: string, aliases: string[]): NameMatch {
  const whole = compareWhole(sourceName, fieldName, aliases);
  // A flattened path (`lineItem/UnblendedCost`, `placement.region`) is also judged by its last segment,
  // a little below the whole name since the prefix may change the meaning.
  const leaf = sourceName.split(/[./]/).filter(Boolean).pop();
  if (!leaf || leaf === sourceName || whole.score === 1) return whole;
  const byLeaf = compareWhole(leaf, fieldName, aliases);
  return byLeaf.score * 0.92 > whole.score ? { score: byLeaf.score * 0.92, via: byLeaf.via } : whole;
}

function compareWhole(sourceName: string, fieldName: string, aliases: string[]): NameMatch {
  const source = tokenize(sourceName);
  if (!source.length) return { score: 0, via: "tokens" };
  const sourceCompact = compact(source);
  let best: NameMatch = { score: 0, via: "tokens" };
  const candidates: [string, "exact" | "alias"][] = [[fieldName, "exact"], ...aliases.map((a): [string, "alias"] => [a, "alias"])];
  for (const [name, via] of candidates) {
    const tokens = tokenize(name);
    if (!tokens.length) continue;
    if (compact(tokens) === sourceCompact) return { score: 1, via };
    const score = overlap(source, tokens) * 0.85;
    if (score > best.score) best = { score, via: "tokens" };
  }
  return best;
}
