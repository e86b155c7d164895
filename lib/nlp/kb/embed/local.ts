import { contentWords } from "../tokenize";

/**
 * The offline embedding: hashed features of each content word, its stem and its character 3- and
 * 4-grams (so "invoices", "invoiced" and "invoicing" share most of their features, and a typo keeps
 * most of them), signed-hashed into a fixed number of dimensions, log-scaled (log 1+x) and L2-normalised.
 * It needs no weights and no network, and a chunk's vector never changes with the rest of the
 * corpus. It is lexical, not semantic: it does not know that "bill" and "invoice" mean alike.
 */
export const LOCAL_EMBEDDING = { id: "local-hash-ngram-v1", dimensions: 256 } as const;

export function embedLocally(text: string, dimensions: number = LOCAL_EMBEDDING.dimensions): number[] {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  for (const { word, term } of contentWords(text)) {
    add(`t:${term}`, 1);
    const grams = charGrams(`#${word}#`);
    for (const gram of grams) add(`g:${gram}`, 1 / Math.sqrt(grams.length));
  }
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of features) {
    const hash = fnv1a(feature);
    vector[hash % dimensions]! += (hash & 0x80000000 ? -1 : 1) * Math.log1p(count);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

function charGrams(word: string): string[] {
  const grams: string[] = [];
  for (const n of [3, 4]) for (let i = 0; i + n <= word.length; i++) grams.push(word.slice(i, i + n));
  return grams;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across processes and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
