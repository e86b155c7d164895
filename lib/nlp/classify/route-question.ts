import type { PersonaRoute, RouteQuestionBody } from "@/lib/nlp/personas/schemas";
import { classifyPersona } from "./classify-persona";

/** The persona a question goes to: the one named explicitly, or the offline classifier's guess. */
export function routeQuestion(input: RouteQuestionBody): PersonaRoute {
  const guess = classifyPersona(input.question);
  return input.persona ? { ...guess, persona: input.persona, confidence: 1, by: "explicit" } : { ...guess, by: "classifier" };
}
