import { tokenize } from "@/lib/nlp/kb/tokenize";
import { figureLine } from "@/lib/nlp/personas/format";
import type { Grounding } from "./schemas";

const PASSAGES = 3;
const SENTENCES_PER_PASSAGE = 2;

/**
 * The answer without a language model: the figures that match the question, then from each of
 * the best passages the sentences sharing most of the question's terms, quoted with their
 * citation. It says plainly when nothing answers the question, and when passages are only related.
 */
export function extractiveAnswer(question: string, grounding: Grounding): string[] {
  const { support, citations, figures } = grounding;
  if (support === "none") return ["I found nothing in your documents or data that answers this question."];
  const asked = new Set(tokenize(question));
  const lines: string[] = [];
  if (figures.length)
    lines.push(`${grounding.demo ? "Demo figures" : "From your data"}:`, ...figures.map((f) => `- ${figureLine(f)} [${f.ref}]`));
  const passages = citations.slice(0, PASSAGES);
  if (passages.length) {
    lines.push(
      support === "related" && !figures.length
        ? "Nothing I found answers this directly; these passages are the closest:"
        : "From your documents:",
    );
    for (const c of passages) {
      const quote = bestSentences(c.text, asked);
      lines.push(`- ${c.document.title}${c.heading ? ` › ${c.heading.split(" › ").at(-1)}` : ""}: "${quote}" [${c.n}]`);
    }
  }
  return lines;
}

/** Up to two sentences of a passage, in their order, that share most terms with the question. */
function bestSentences(text: string, asked: Set<string>): string {
  const sentences = text
    .replace(/\s+/g, " ")
    .match(/[^.!?]+[.!?]*/g)
    ?.map((s) => s.trim())
    .filter(Boolean) ?? [text];
  const scored = sentences.map((s, i) => ({ s, i, score: new Set(tokenize(s).filter((t) => asked.has(t))).size }));
  const chosen = [...scored]
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, SENTENCES_PER_PASSAGE)
    .sort((a, b) => a.i - b.i);
  const quote = chosen.map((c) => c.s).join(" ");
  return quote.length > 600 ? `${quote.slice(0, 597)}...` : quote;
}
