import { figureLine } from "@/lib/nlp/personas/format";
import { PERSONAS } from "@/lib/nlp/personas/registry";
import type { Grounding } from "./schemas";

/** The system prompt: the persona's instructions and the rules of a grounded answer. */
export function answerSystem(grounding: Grounding): string {
  return [
    PERSONAS[grounding.persona].prompt,
    "Answer the question from the numbered sources and figures below only. Cite every statement with its source number in brackets, like [2] or [F1].",
    "If they do not answer the question, say so plainly and do not guess. Keep placeholders such as [PERSON_1] or [EMAIL_2] as they are.",
  ].join("\n");
}

/** The user prompt: the (redacted) question, the passages (redacted when stored) and the figures. */
export function answerPrompt(question: string, grounding: Grounding): string {
  return [
    `Question: ${question}`,
    ...(grounding.citations.length
      ? ["", "Sources:", ...grounding.citations.map((c) => `[${c.n}] ${c.document.title}${c.heading ? ` › ${c.heading}` : ""}\n${c.text}`)]
      : []),
    ...(grounding.figures.length
      ? ["", `Figures${grounding.demo ? " (demo data)" : ""}:`, ...grounding.figures.map((f) => `[${f.ref}] ${figureLine(f)}`)]
      : []),
  ].join("\n");
}
