import { stemmer } from "stemmer";

/**
 * The one tokenizer of the knowledge base, used for chunks and queries alike: Unicode letters and
 * digits, lower-cased and accent-folded, English stop words dropped, Porter-stemmed. Placeholders
 * left by PII redaction (`[EMAIL_1]`) are not terms.
 */
export function tokenize(text: string): string[] {
  return contentWords(text).map((w) => w.term);
}

/** The words that count, each with its term (the stem of an English word, else the word itself). */
export function contentWords(text: string): { word: string; term: string }[] {
  const out: { word: string; term: string }[] = [];
  for (const word of words(text)) {
    if (word.length > 40 || STOP_WORDS.has(word)) continue;
    out.push({ word, term: /^[a-z]+$/.test(word) ? stemmer(word) : word });
  }
  return out;
}

/** Lower-cased, accent-folded words and numbers, in order (what the local embedding reads too). */
export function words(text: string): string[] {
  return (
    fold(text.replace(PLACEHOLDER, " "))
      .match(WORD)
      ?.map((w) => w.replace(/^[._-]+|[._-]+$/g, ""))
      .filter(Boolean) ?? []
  );
}

/** Term frequencies of a token list. */
export function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

/** A word keeps inner dots, dashes and underscores (`v1.2`, `e-mail`, `max_connections`). */
const WORD = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;
const PLACEHOLDER = /\[[A-Z_]+_\d+\]/g;

const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each " +
    "few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on " +
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to " +
    "too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves"
  ).split(" "),
);
