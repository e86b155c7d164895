import type { Figure } from "@/lib/nlp/personas/types";
import type { PersonaId } from "@/lib/nlp/personas/registry";

/** A passage an answer rests on, numbered as the answer cites it (`[1]`). Its text is redacted. */
export type Citation = {
  n: number;
  chunkId: string;
  document: { id: string; title: string };
  heading: string;
  position: number;
  text: string;
  coverage: number;
};

/**
 * How well the knowledge base speaks to the question: `answers` (a passage holds most of the
 * question's weight), `related` (passages share some of it), `none`.
 */
export type Support = "answers" | "related" | "none";

/** What an answer is based on, known before its text. */
export type Grounding = {
  persona: PersonaId;
  personaBy: "explicit" | "classifier";
  support: Support;
  citations: Citation[];
  figures: (Figure & { ref: string })[];
  demo: boolean;
};

/** One event of an answer's stream: its grounding first, then text, then the end. */
export type AnswerEvent =
  | { type: "grounding"; grounding: Grounding; by: "llm" | "extractive" }
  | { type: "text"; text: string }
  | { type: "done"; answerable: boolean; by: "llm" | "extractive"; note?: string };
