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
  const confidence =
    values === undefined
      ? 0.6 * name + 0.2 * type + 0.1 * nulls + 0.1 * position
      : 0.45 * values + 0.3 * name + 0.1 * type + 0.05 * nulls + 0.1 * position;
  return { confidence: round(Math.min(1, confidence)), name: round(name), type, nulls: round(nulls), position: round(position), ...(values === undefined ? {} : { values: round(values) }) };
}

/** Jaccard overlap of the example values; undefined when either side has none to compare. */
function valueOverlap(a?: FieldProfile, b?: FieldProfile): number | undefined {
  if (!a?.examples.length || !b?.examples.length) return undefined;
  const left = new Set(a.examples.map((v) => JSON.stringify(v)));
  const right = new Set(b.examples.map((v) => JSON.stringify(v)));
  const shared = [...left].filter((v) => right.has(v)).length;
  return shared / (left.size + right.size - shared);
}

export function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** 1 for the same words in another case style; otherwise the best of token overlap, containment and edit distance. */
export function nameSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const ja = ta.join("");
  const jb = tb.join("");
  if (ja === jb) return 1;
  const shared = ta.filter((t) => tb.includes(t)).length;
  const jaccard = shared / (new Set([...ta, ...tb]).size || 1);
  const contained = ja && jb && (ja.includes(jb) || jb.includes(ja)) ? 0.8 : 0;
  const edit = 1 - levenshtein(ja, jb) / Math.max(ja.length, jb.length, 1);
  return Math.max(jaccard, contained, edit);
}

function levenshtein(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
