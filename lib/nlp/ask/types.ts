/** The shapes of an answer; their schemas are in ./schemas.ts. */
export type { AnswerEvent, Citation, Grounding, Support } from "./schemas";
