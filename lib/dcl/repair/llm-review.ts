import "server-only";
import { z } from "zod";
import type { JsonValue } from "@/lib/aam/connectors/types";
import type { TenantScope } from "@/lib/auth/context";
import { describeSamples } from "@/lib/dcl/matcher/llm-suggest";
import { parseTarget, targetOf, type OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { LlmError } from "@/lib/errors";
import { generateStructured } from "@/lib/llm/generate-structured";
import type { LlmModel } from "@/lib/llm/model";
import { log } from "@/lib/log";
import { applyOf } from "./suggest";
import type { DriftInput, Repair, RepairPlan, RepairThresholds } from "./types";

/** The model's answer, one entry per field it was asked about. */
const LlmReview = z.object({
  fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), target: z.string().nullable(), confidence: z.number() })),
});
type LlmReview = z.infer<typeof LlmReview>;

export type ReviewedPlan = RepairPlan & { llm: "agreed" | "consulted" | "unavailable" | "skipped" };

/** How much the model's agreement may add to a confidence, at most. */
const MAX_RAISE = 0.1;
/** A second opinion was expected and did not come: the asked-about confidences are scaled by this. */
const UNAVAILABLE_FACTOR = 0.95;

const SYSTEM = [
  "A table in a business system changed its schema. A deterministic agent proposed how its fields continue the old mapping onto a fixed ontology.",
  'For each candidate field, say which old field it continues (its name, or null when it is new) and which ontology field it holds, written "entity.field" exactly as listed, or null when none fits.',
  "Confidence is a number from 0 to 1.",
  "You see what sample values look like, never the values themselves.",
].join("\n");

/**
 * A second opinion on the repair agent's uncertain or consequential decisions (renames, new fields
 * with a target, kept mappings whose values changed), one model call per table. The model sees
 * names, vendor types and value shapes of both schemas, the mappings in force, the candidates with
 * the agent's reasons and the ontology targets, never a sample value. The values decided the plan
 * and the model has not seen them, so its agreement raises a confidence by at most 0.1, while its
 * disagreement keeps a decision from being applied without a person. Never throws: when the model
 * cannot answer, the asked-about confidences drop slightly and the plan is otherwise unchanged.
 */
export async function reviewWithLlm(args: {
  scope: TenantScope;
  model: LlmModel;
  input: DriftInput;
  plan: RepairPlan;
  ontology: OntologyDefinition;
  thresholds: RepairThresholds;
  timeoutMs?: number;
}): Promise<ReviewedPlan> {
  const { scope, model, input, plan, ontology, thresholds, timeoutMs } = args;
  const asked = plan.repairs.filter(
    (r) => ((r.kind === "rename" || r.kind === "new") && r.target) || (r.kind === "keep" && r.confidence < thresholds.auto),
  );
  if (asked.length === 0) return { ...plan, llm: "skipped" };
  const targets = targetsFor(plan, asked, ontology);
  const isAsked = new Set(asked);
  const update = (change: (r: Repair) => Repair): RepairPlan => ({
    ...plan,
    repairs: plan.repairs.map((r) => (isAsked.has(r) ? settle(change(r), thresholds) : r)),
  });

  let answers: Map<string, LlmReview["fields"][number]>;
  try {
    const prompt = buildPrompt(input, asked, targets, ontology);
    const raw = await generateStructured({ scope, model, purpose: "dcl.repair", schema: LlmReview, system: SYSTEM, prompt, timeoutMs });
    answers = cleanReview(raw, asked, input, ontology);
  } catch (error) {
    const kind = error instanceof LlmError ? error.kind : "error";
    if (!(error instanceof LlmError))
      log.warn("repair review failed", { tenantId: scope.tenantId, errorName: error instanceof Error ? error.name : typeof error });
    return {
      ...update((r) => ({ ...r, confidence: r.confidence * UNAVAILABLE_FACTOR, reason: `${r.reason}; model unavailable (${kind})` })),
      llm: "unavailable",
    };
  }

  const agrees = (r: Repair) => answers.get(r.field)?.target === r.target && answers.get(r.field)?.from === r.from;
  const reviewed = update((r) => {
    const answer = answers.get(r.field);
    if (!answer) return r;
    if (agrees(r))
      return {
        ...r,
        confidence: r.confidence + Math.min(MAX_RAISE, 0.5 * (1 - r.confidence) * answer.confidence),
        reason: `${r.reason}; the model agrees`,
      };
    const other = answer.target === r.target ? ` from ${answer.from ?? "no old field"}` : "";
    return {
      ...r,
      confidence: Math.min(r.confidence, thresholds.auto - 0.01),
      reason: `${r.reason}; the model suggests ${answer.target ?? "no mapping"}${other}`,
    };
  });
  return { ...reviewed, llm: asked.every(agrees) ? "agreed" : "consulted" };
}

/** The ontology targets shown to the model: the fields of the plan's entity and of any entity a candidate maps to. */
function targetsFor(plan: RepairPlan, asked: Repair[], ontology: OntologyDefinition): string[] {
  const names = new Set([plan.entity, ...asked.map((r) => parseTarget(r.target!).entity)]);
  return ontology.entities.filter((e) => names.has(e.name)).flatMap((e) => e.fields.map((f) => targetOf(e.name, f.name)));
}

function buildPrompt(input: DriftInput, asked: Repair[], targets: string[], ontology: OntologyDefinition): string {
  const describe = (fields: DriftInput["before"]["fields"]) =>
    fields.map((f) => `  - ${JSON.stringify(f.name)} (${f.type}): ${describeSamples(f.samples as JsonValue[])}`);
  const ontologyField = (target: string) => {
    const { entity, field } = parseTarget(target);
    const f = ontology.entities.find((e) => e.name === entity)?.fields.find((x) => x.name === field);
    return `  - ${target} (${f?.type})${f?.description ? `: ${f.description}` : ""}`;
  };
  return [
    `Source table ${JSON.stringify(input.table)} from ${JSON.stringify(input.source)}.`,
    "Old schema, fields with the shape of their sample values:",
    ...describe(input.before.fields),
    "Mappings in force:",
    ...Object.entries(input.mappings).map(([field, target]) => `  - ${JSON.stringify(field)} -> ${target}`),
    "New schema:",
    ...describe(input.after.fields),
    "",
    "Candidate decisions to check:",
    ...asked.map(
      (r) =>
        `  - ${JSON.stringify(r.field)}: continues ${r.from === null ? "no old field" : JSON.stringify(r.from)}, maps to ${r.target}; ${r.reason}`,
    ),
    "",
    "Ontology fields:",
    ...targets.map(ontologyField),
  ].join("\n");
}

/** The first answer per asked field; unknown fields dropped, an unknown target or old field read as null, confidence clamped to 0..1. */
function cleanReview(
  raw: LlmReview,
  asked: Repair[],
  input: DriftInput,
  ontology: OntologyDefinition,
): Map<string, LlmReview["fields"][number]> {
  const fields = new Set(asked.map((r) => r.field));
  const before = new Set(input.before.fields.map((f) => f.name));
  const known = new Set<string>(ontology.entities.flatMap((e) => e.fields.map((f) => targetOf(e.name, f.name))));
  const answers = new Map<string, LlmReview["fields"][number]>();
  for (const a of raw.fields) {
    if (!fields.has(a.field) || answers.has(a.field)) continue;
    answers.set(a.field, {
      field: a.field,
      from: a.from !== null && before.has(a.from) ? a.from : null,
      target: a.target !== null && known.has(a.target) ? a.target : null,
      confidence: Math.min(1, Math.max(0, a.confidence)),
    });
  }
  return answers;
}

/** Rounds the confidence and places the repair by the thresholds, as suggestRepairs does. */
function settle(r: Repair, thresholds: RepairThresholds): Repair {
  const c = r.confidence;
  return { ...r, confidence: Math.round(c * 1000) / 1000, apply: applyOf(c, r.target, thresholds) };
}
