import { z } from "zod";
import { Id } from "@/lib/http/wire";
import { PersonaId } from "@/lib/nlp/personas/registry";
import { Figure } from "@/lib/nlp/personas/schemas";

export const AskBody = z.object({
  question: z.string().trim().min(1).max(2000),
  /** Named explicitly, it wins over the classifier. */
  persona: PersonaId.optional(),
  /** false: one JSON answer instead of a stream of server-sent events. */
  stream: z.boolean().default(true),
});
export type AskBody = z.infer<typeof AskBody>;

/** A passage an answer rests on, numbered as the answer cites it (`[1]`). Its text is redacted. */
export const Citation = z
  .object({
    n: z
      .number()
      .int()
      .meta({ description: "How the answer cites it: `[n]`", examples: [1] }),
    chunkId: Id,
    document: z.object({ id: Id, title: z.string() }),
    heading: z.string(),
    position: z.number().int(),
    text: z.string().meta({ description: "The passage, personal data redacted" }),
    coverage: z.number().meta({ description: "The share of the question's weight the passage holds, 0 to 1" }),
  })
  .meta({ id: "Citation" });
export type Citation = z.infer<typeof Citation>;

/**
 * How well the knowledge base speaks to the question: `answers` (a passage holds most of the
 * question's weight), `related` (passages share some of it), `none`.
 */
export const Support = z.enum(["answers", "related", "none"]).meta({
  description:
    "`answers`: a passage holds most of the question's weight, or figures answer it; `related`: passages share some of it; `none`",
});
export type Support = z.infer<typeof Support>;

export const AnsweredBy = z.enum(["llm", "extractive"]).meta({
  description: "`llm`: the language model wrote it from the grounding; `extractive`: the sources' own sentences, quoted",
});

/** What an answer is based on, known before its text. */
export const Grounding = z.object({
  persona: PersonaId,
  personaBy: z.enum(["explicit", "classifier"]),
  support: Support,
  citations: z.array(Citation),
  figures: z.array(
    z.object({ ...Figure.shape, ref: z.string().meta({ description: "How the answer cites it: `[F1]`", examples: ["F1"] }) }),
  ),
  demo: z.boolean().meta({ description: "A figure it rests on is demo content" }),
});
export type Grounding = z.infer<typeof Grounding>;

/** A whole answer (`stream: false`): its grounding, its text, and whether the data answered it. */
export const AskAnswer = z
  .object({
    ...Grounding.shape,
    answer: z.string().meta({ description: "The answer, citing passages as `[n]` and figures as `[F1]`" }),
    by: AnsweredBy,
    answerable: z.boolean().meta({ description: "False: the knowledge base and figures hold nothing that answers it" }),
    note: z.string().optional().meta({ description: "Why the answer may be partial (the model stopped early, or was unavailable)" }),
  })
  .meta({ id: "AskAnswer" });
export type AskAnswer = z.infer<typeof AskAnswer>;

/** One event of an answer's stream: its grounding first, then text, then the end. */
export type AnswerEvent =
  | { type: "grounding"; grounding: Grounding; by: z.infer<typeof AnsweredBy> }
  | { type: "text"; text: string }
  | { type: "done"; answerable: boolean; by: z.infer<typeof AnsweredBy>; note?: string };
