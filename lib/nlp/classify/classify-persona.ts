import { PERSONA_IDS, PERSONAS, type PersonaId } from "@/lib/nlp/personas/registry";
import type { PersonaRoute } from "@/lib/nlp/personas/schemas";

/** The classifier's side of a route: the persona, how sure, every score. */
export type PersonaGuess = Omit<PersonaRoute, "by">;

/** Below this share of the top score over the runner-up, the question is "unknown" (too close to call). */
export const MIN_MARGIN = 0.2;

/** Lower-case words, "-" kept inside words, plural "s" dropped from words of 4+ letters. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []).map(stem);
}
const stem = (w: string) => (w.length >= 4 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

/**
 * Scores a question against each persona's vocabulary, offline: a term found counts 1 for a word,
 * 2 for a phrase of several words (a phrase's words are not counted again on their own). Ties on the
 * score go to the persona matching more distinct terms; still tied, or the top score within
 * MIN_MARGIN of the runner-up, the answer is "unknown". Confidence is the top score's share.
 */
export function classifyPersona(question: string): PersonaGuess {
  const tokens = tokenize(question);
  const scores = {} as Record<PersonaId, number>;
  const terms = {} as Record<PersonaId, number>;
  for (const id of PERSONA_IDS) {
    const { score, matched } = scoreVocabulary(tokens, PERSONAS[id].vocabulary);
    scores[id] = score;
    terms[id] = matched;
  }
  const ranked = [...PERSONA_IDS].sort((a, b) => scores[b] - scores[a] || terms[b] - terms[a]);
  const [top, second] = [ranked[0]!, ranked[1]!];
  const total = PERSONA_IDS.reduce((s, id) => s + scores[id], 0);
  const tied = scores[top] === scores[second] && terms[top] === terms[second];
  const close = scores[top] - scores[second] < MIN_MARGIN * scores[top] && terms[top] === terms[second];
  if (scores[top] === 0 || tied || close) return { persona: "unknown", confidence: 0, scores };
  return { persona: top, confidence: Math.round((scores[top] / total) * 100) / 100, scores };
}

function scoreVocabulary(tokens: string[], vocabulary: string[]): { score: number; matched: number } {
  const used = new Array<boolean>(tokens.length).fill(false);
  let score = 0;
  let matched = 0;
  const phrases = vocabulary.map((v) => tokenize(v)).sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const key = phrase.join(" ");
    if (seen.has(key) || phrase.length === 0) continue;
    seen.add(key);
    let hit = false;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, j) => tokens[i + j] === w && !used[i + j])) {
        for (let j = 0; j < phrase.length; j++) used[i + j] = true;
        hit = true;
      }
    }
    if (hit) {
      score += phrase.length > 1 ? 2 : 1;
      matched++;
    }
  }
  return { score, matched };
}
