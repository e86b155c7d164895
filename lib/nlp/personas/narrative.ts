import "server-only";
import { z } from "zod";
import type { TenantScope } from "@/lib/auth/context";
import { generateStructured } from "@/lib/llm/generate-structured";
import type { LlmModel } from "@/lib/llm/model";
import { log } from "@/lib/log";
import { PERSONAS, type PersonaId } from "./registry";
import { figureLine, formatNumber } from "./format";
import type { Figure, Highlight } from "./schemas";

const highlightLine = (h: Highlight) =>
  `${h.kind}, ${h.severity}${h.impact ? `, ${h.impact.currency} ${formatNumber(h.impact.amount)}${h.impact.per === "once" ? "" : ` a ${h.impact.per}`}` : ""}`;

/** The same text for the same figures: every figure on a line, then the top findings' titles. */
export function templateNarrative(persona: PersonaId, figures: Figure[], highlights: Highlight[], demo: boolean): string {
  const head = `${demo ? "Demo: " : ""}${PERSONAS[persona].title} summary.`;
  const lines = figures.map((f) => `- ${figureLine(f)}`);
  const top = highlights.slice(0, 3).map((h, i) => `${i + 1}. ${h.title}`);
  return [head, ...lines, ...(top.length ? ["Most at stake:", ...top] : ["No open findings for this persona."])].join("\n");
}

/** The exact prompt the model sees: figure labels and values, and the findings' kinds, severities and money. No titles, rows or names. */
export function narrativePrompt(persona: PersonaId, figures: Figure[], highlights: Highlight[]): string {
  return [
    `Figures for the ${PERSONAS[persona].title}:`,
    ...figures.map((f) => `- ${figureLine(f)}`),
    ...(highlights.length ? ["Top findings (kind, severity, money):", ...highlights.map((h, i) => `${i + 1}. ${highlightLine(h)}`)] : []),
  ].join("\n");
}

const Answer = z.object({ narrative: z.string().min(1).max(2000) });

/** The model's narrative over the figures, or the template without a model or when the model fails. */
export async function narrate(
  scope: TenantScope,
  persona: PersonaId,
  figures: Figure[],
  highlights: Highlight[],
  model: LlmModel | null,
): Promise<{ text: string; by: "llm" | "template" }> {
  const template = { text: templateNarrative(persona, figures, highlights, false), by: "template" as const };
  if (!model) return template;
  try {
    const answer = await generateStructured({
      scope,
      model,
      purpose: `nlp.persona.${persona}`,
      schema: Answer,
      system: PERSONAS[persona].prompt,
      prompt: narrativePrompt(persona, figures, highlights),
    });
    return { text: answer.narrative, by: "llm" };
  } catch (error) {
    log.warn("persona narrative fell back to the template", { tenantId: scope.tenantId, persona, error: (error as Error).name });
    return template;
  }
}
