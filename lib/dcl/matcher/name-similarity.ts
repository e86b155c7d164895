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

/**
 * Weighted F1 of the words two names share, in [0, 1]. `own`: the entity of the table, whose name in
 * a field's name says little there (an account's `account_state` is no `account owner`).
 */
function overlap(source: string[], candidate: string[], own?: string): number {
  if (!source.length || !candidate.length) return 0;
  const matchedSource = source.filter((s) => candidate.some((c) => sameWord(s, c)));
  const matchedCandidate = candidate.filter((c) => source.some((s) => sameWord(s, c)));
  const total = (words: string[]) => words.reduce((sum, w) => sum + weight(w), 0);
  const precision = total(matchedSource) / total(source);
  const recall = total(matchedCandidate) / total(candidate);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const onlyGeneric = matchedSource.every((w) => GENERIC.has(w)) && [...source, ...candidate].some((w) => !GENERIC.has(w));
  const onlyOwn =
    own !== undefined &&
    matchedSource.includes(own) &&
    matchedSource.every((w) => w === own || GENERIC.has(w)) &&
    candidate.some((w) => w !== own && !GENERIC.has(w));
  return onlyGeneric || onlyOwn ? f1 * 0.5 : f1;
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
/**
 * A source name read once: the whole name and, for a flattened path (`lineItem/UnblendedCost`), its
 * last segment and how much that segment alone counts: its parent may qualify it (`Monitoring.State`
 * is not the instance's state), unless the parent's words say little (`lineItem/`, `properties.`) or
 * repeat the segment's (`cost/myCost`, `Contact.ContactID`).
 */
export type SourceName = { whole: Words; leaf: Words | null; leafWeight: number };

/** Parents that group a record's parts rather than qualify them (`location.region`, `usage/billedQuantity`). */
const GROUPING = new Set(["location", "placement", "attribute", "fields", "spec", "usage", "summary", "header", "body", "general", "sys"]);

/** A segment under a parent that says little, or under one that qualifies it: the latter is never enough to auto-approve. */
const LEAF = 0.92;
const QUALIFIED_LEAF = 0.88;

/** Leaves that are their parent's own value (`State.Name`, `server_type.name`, `totalPrice.value`): the parent names the field. */
const OWN_VALUE = new Set(["name", "value", "label", "text", "slug", "display"]);

export function readSourceName(name: string): SourceName {
  const segments = name.split(/[./]/).filter(Boolean);
  let leaf = segments.pop();
  if (!leaf || leaf === name) return { whole: wordsOf(name), leaf: null, leafWeight: 0 };
  if (segments.length && tokenize(leaf).every((w) => OWN_VALUE.has(w))) leaf = segments.pop()!;
  const leafWords = wordsOf(leaf);
  const parentWords = tokenize(segments.join(" "));
  const plain = parentWords.every((w) => WEAK.has(w) || GROUPING.has(w) || leafWords.tokens.some((l) => sameWord(w, l)));
  return { whole: wordsOf(name), leaf: leafWords, leafWeight: plain ? LEAF : QUALIFIED_LEAF };
}

/** The same words in another order (`date_echeance` for "due date"): nearly as good as the same name. */
const REORDERED = 0.96;

/**
 * How well a source name matches a target's names (for prefixed keys like `opportunity_id` the
 * caller adds the entity-prefixed name). The same words after normalization score 1.
 */
export function compareNames(source: SourceName, candidates: NameCandidates, own?: string): NameMatch {
  const whole = compareWhole(source.whole, candidates, own);
  // A flattened path is also judged by its last segment, below the whole name since the parent may change the meaning.
  if (!source.leaf || whole.score === 1) return whole;
  const byLeaf = compareWhole(source.leaf, candidates, own);
  const score = byLeaf.score * source.leafWeight;
  return score > whole.score ? { score, via: byLeaf.via } : whole;
}

function compareWhole(source: Words, candidates: NameCandidates, own?: string): NameMatch {
  if (!source.tokens.length) return { score: 0, via: "tokens" };
  let best: NameMatch = { score: 0, via: "tokens" };
  for (const candidate of candidates) {
    const same = candidate.compact === source.compact;
    const score =
      candidate.weight * (same ? 1 : candidate.sorted === source.sorted ? REORDERED : overlap(source.tokens, candidate.tokens, own) * 0.85);
    if (score === 1) return { score, via: candidate.via };
    if (score > best.score) best = { score, via: same || candidate.sorted === source.sorted ? candidate.via : "tokens" };
  }
  return best;
}
