import { z } from "zod";
import { PERSONA_IDS, PersonaId } from "./registry";

const personaMessage = `persona must be one of ${PERSONA_IDS.join(", ")}`;

export const PersonaSummaryQuery = z.object({
  persona: z.enum(PERSONA_IDS, { error: personaMessage }),
  /** "Today" for the figures' windows (YYYY-MM-DD); default now. */
  asOf: z.iso
    .date()
    .transform((d) => new Date(`${d}T00:00:00Z`))
    .optional(),
});
export type PersonaSummaryQuery = z.infer<typeof PersonaSummaryQuery>;

export const RouteQuestionBody = z.object({
  question: z.string().trim().min(1).max(2000),
  /** Named explicitly, it wins over the classifier. */
  persona: PersonaId.optional(),
});
export type RouteQuestionBody = z.infer<typeof RouteQuestionBody>;
