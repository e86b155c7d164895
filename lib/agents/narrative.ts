import "server-only";
import { z } from "zod";
import type { TenantScope } from "@/lib/auth/context";
import { generateStructured } from "@/lib/llm/generate-structured";
import type { LlmModel } from "@/lib/llm/model";
import { log } from "@/lib/log";
import type { FindingDraft } from "./types";

export type Narrative = { text: string; by: "llm" | "template"; inputTokens: number; outputTokens: number; model: string | null };

const money = (amount: number, currency: string) => `${currency} ${amount.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const impactOf = (f: FindingDraft) =>
  f.impact ? `${money(f.impact.amount, f.impact.currency)}${f.impact.per === "once" ? "" : ` a ${f.impact.per}`}` : null;

/** The same summary every time for the same findings: counts, then the top three with their money. */
export function templateNarrative(agentName: string, findings: FindingDraft[]): string {
  if (findings.length === 0) return `${agentName}: nothing to act on in the current views.`;
  const bySeverity = ["critical", "high", "medium", "low"]
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  const top = findings.slice(0, 3).map((f, i) => `${i + 1}. ${f.title}${impactOf(f) ? ` (${impactOf(f)})` : ""}.`);
  return [
    `${agentName}: ${findings.length} finding(s), ${bySeverity.map(([s, n]) => `${n} ${s}`).join(", ")}.`,
    "Most at stake:",
    ...top,
  ].join("\n");
}

const Answer = z.object({ narrative: z.string().min(1).max(2000) });

/**
 * A short narrative over the findings by the configured model, or the template without one (or
 * when the model fails). The model sees each finding's kind, severity, money and window only:
 * no titles, no rows, no names, so no record and no person's data leaves the tenant.
 */
export async function narrate(scope: TenantScope, agentName: string, findings: FindingDraft[], model: LlmModel | null): Promise<Narrative> {
  const template: Narrative = {
    text: templateNarrative(agentName, findings),
    by: "template",
    inputTokens: 0,
    outputTokens: 0,
    model: null,
  };
  if (!model || findings.length === 0) return template;
  const facts = findings
    .slice(0, 30)
    .map(
      (f, i) =>
        `${i + 1}. ${f.kind}, ${f.severity}${impactOf(f) ? `, ${impactOf(f)}` : ""}${f.window ? `, ${f.window.from} to ${f.window.to}` : ""}`,
    );
  let usage = { inputTokens: 0, outputTokens: 0 };
  try {
    const answer = await generateStructured({
      scope,
      model,
      purpose: "agents.narrative",
      schema: Answer,
      onUsage: (u) => (usage = u),
      system:
        "You write a 3 to 5 sentence briefing for a finance or revenue leader from an analysis's findings. Use only the figures given; invent nothing; name the first actions to take.",
      prompt: [`${agentName} findings, most money first:`, ...facts].join("\n"),
    });
    return { text: answer.narrative, by: "llm", ...usage, model: `${model.provider}/${model.model}` };
  } catch (error) {
    log.warn("agent narrative fell back to the template", { tenantId: scope.tenantId, error: (error as Error).name });
    return { ...template, ...usage };
  }
}
