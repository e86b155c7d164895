import type { FieldProfile, SchemaField } from "@/lib/aam/schema/fingerprint";
import { typeAffinity } from "./type-change";

export type FieldSide = { field: SchemaField; profile?: FieldProfile; position: number; count: number };
export type RenameMatch = { from: SchemaField; to: SchemaField; confidence: number; evidence: Record<string, number> };

/** Below this, a removed and an added field are reported as a drop and an add. */
export const RENAME_THRESHOLD = 0.6;

/**
 * Pairs removed with added fields that look like one field renamed. Evidence: the sampled values
 * (strongest: a renamed column still holds the same data), the names, the types, the null rates
 * and the position. Pairs are taken best-first, one-to-one.
 */
export function detectRenames(removed: FieldSide[], added: FieldSide[]): RenameMatch[] {
  const pairs: RenameMatch[] = [];
  for (const r of removed) {
    for (const a of added) {
      const evidence = score(r, a);
      pairs.push({ from: r.field, to: a.field, confidence: evidence.confidence, evidence });
    }
  }
  pairs.sort((x, y) => y.confidence - x.confidence);
  const used = new Set<string>();
  const matches: RenameMatch[] = [];
  for (const pair of pairs) {
    if (pair.confidence < RENAME_THRESHOLD) break;
    if (used.has(`from:${pair.from.name}`) || used.has(`to:${pair.to.name}`)) continue;
    used.add(`from:${pair.from.name}`).add(`to:${pair.to.name}`);
    matches.push(pair);
  }
  return matches;
}

function score(r: FieldSide, a: FieldSide): Record<string, number> & { confidence: number } {
  const name = nameSimilarity(r.field.name, a.field.name);
  const type = typeAffinity(r.field.type, a.field.type);
  const nulls = r.profile && a.profile ? 1 - Math.abs(r.profile.nullRate - a.profile.nullRate) : 0.5;
  const position = 1 - Math.min(1, Math.abs(r.position / Math.max(1, r.count) - a.position / Math.max(1, a.count)) * 4);
  const values = valueOverlap(r.profile, a.profile);
  const structural = 0.15 * type + 0.075 * nulls + 0.075 * position;
  // Shared values are the strongest evidence; none shared may just mean other rows were sampled,
  // so the names decide then, a little less sure.
  const confidence =
    values === undefined
      ? 0.7 * name + structural
      : values > 0
        ? 0.45 * values + 0.3 * name + 0.1 * type + 0.05 * nulls + 0.1 * position
        : 0.9 * (0.7 * name + structural);
  return {
    confidence: round(Math.min(1, confidence)),
    name: round(name),
    type,
    nulls: round(nulls),
    position: round(position),
    ...(values === undefined ? {} : { values: round(values) }),
  };
}

/** Below this many distinct examples (booleans, flags) equal values say little about identity. */
const MIN_DISTINCT_VALUES = 3;

/** Jaccard overlap of the example values; undefined when either side has too few to compare. */
function valueOverlap(a?: FieldProfile, b?: FieldProfile): number | undefined {
  const left = new Set(a?.examples.map((v) => JSON.stringify(v)));
  const right = new Set(b?.examples.map((v) => JSON.stringify(v)));
  if (left.size < MIN_DISTINCT_VALUES || right.size < MIN_DISTINCT_VALUES) return undefined;
  const shared = [...left].filter((v) => right.has(v)).length;
  return shared / (left.size + right.size - shared);
}

/** Words of a name in any script: `closeDate`, `close_date` and `Close Date` give the same words. */
export function tokens(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * 1 for the same words in another case style. Otherwise the best of: shared words, one name
 * containing the other (`cust` in `customer`, `email` in `email_address`), and edit distance on
 * the words that differ, so a shared prefix like `is_` does not make `is_active` look like `is_deleted`.
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const ja = ta.join("");
  const jb = tb.join("");
  if (!ja || !jb) return a === b ? 1 : 0;
  if (ja === jb) return 1;
  // As sets: a word repeated on one side (`Contact_ContactID`) is still one word.
  const shared = [...new Set(ta)].filter((t) => tb.includes(t));
  const jaccard = shared.length / new Set([...ta, ...tb]).size;
  const ra = ta.filter((t) => !shared.includes(t)).join("");
  const rb = tb.filter((t) => !shared.includes(t)).join("");
  const contained = (x: string, y: string) => x.length > 1 && y.length > 1 && (x.includes(y) || y.includes(x));
  const containment = contained(ja, jb) || contained(ra, rb) ? 0.8 : 0;
  const [ea, eb] = ra && rb ? [ra, rb] : [ja, jb];
  const edit = 1 - levenshtein(ea, eb) / Math.max(ea.length, eb.length);
  return Math.max(jaccard, containment, edit);
}

function levenshtein(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
