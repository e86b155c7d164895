import "server-only";
import { z } from "zod";
import type { JsonValue } from "@/lib/aam/connectors/types";
import type { TenantScope } from "@/lib/auth/context";
import { targetOf, type OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { generateStructured } from "@/lib/llm/generate-structured";
import type { LlmModel } from "@/lib/llm/model";
import type { SourceTable } from "./types";
import { describeValues } from "./value-shape";

/** The model's answer; `suggestWithLlm` returns it cleaned against the ontology and the table. */
export const LlmSuggestion = z.object({
  entity: z.string().nullable(),
  confidence: z.number(),
  mappings: z.array(z.object({ field: z.string(), target: z.string().nullable(), confidence: z.number() })),
});
export type LlmSuggestion = z.infer<typeof LlmSuggestion>;

const SYSTEM = [
  "You map one table from a business system onto a fixed ontology.",
  "Choose the ontology entity the table's rows are, or null when none fits.",
  'For each source field choose the ontology field it holds, written "entity.field" exactly as listed, or null when none fits. Use each ontology field at most once.',
  "Confidence is a number from 0 to 1.",
  "You see what sample values look like, never the values themselves.",
].join("\n");

/**
 * Asks the model which entity a table is and where its fields go. The prompt carries names, types and
 * value shapes only: no sample value leaves the tenant. Unknown entities, targets and fields are dropped,
 * a target claimed twice keeps its most confident field, and confidences are clamped to 0..1.
 * Throws LlmError.
 */
export async function suggestWithLlm({
  scope,
  model,
  ontology,
  table,
}: {
  scope: TenantScope;
  model: LlmModel;
  ontology: OntologyDefinition;
  table: SourceTable;
}): Promise<LlmSuggestion> {
  const raw = await generateStructured({
    scope,
    model,
    purpose: "dcl.map",
    schema: LlmSuggestion,
    system: SYSTEM,
    prompt: buildPrompt(ontology, table),
  });
  return cleanSuggestion(raw, ontology, table);
}

function buildPrompt(ontology: OntologyDefinition, table: SourceTable): string {
  const entities = ontology.entities.flatMap((e) => [
    `${e.name}: ${e.description}`,
    ...e.fields.map((f) => `  - ${targetOf(e.name, f.name)} (${f.type})${f.description ? `: ${f.description}` : ""}`),
  ]);
  const fields = table.fields.map((f) => `  - ${JSON.stringify(f.name)} (${f.type}): ${describeSamples(f.samples)}`);
  return [
    "Ontology entities and their fields:",
    ...entities,
    "",
    `Source table ${JSON.stringify(table.table)} from ${JSON.stringify(table.source)}, fields with the shape of their sample values:`,
    ...fields,
  ].join("\n");
}

/** A few words on what the samples look like ("email addresses", "integers up to ~1e6"), never the values. */
export function describeSamples(samples: JsonValue[]): string {
  const present = samples.filter((v) => v !== null && v !== "");
  if (present.length === 0) return "no sample values";
  if (present.every((v) => typeof v === "object")) return present.every(Array.isArray) ? "lists" : "JSON objects";
  if (present.every((v) => typeof v === "boolean")) return "booleans";

  const shape = describeValues(samples);
  const words = kindOf(
    shape,
    present.filter((v): v is string => typeof v === "string"),
  );
  const notes = [
    present.length < samples.length ? "some empty" : null,
    shape.count >= 5 && shape.distinct <= 0.5 ? "few distinct values" : shape.count >= 5 && shape.distinct === 1 ? "all distinct" : null,
  ].filter(Boolean);
  return [words, ...notes].join(", ");
}

const MOSTLY = 0.8;

function kindOf(shape: ReturnType<typeof describeValues>, strings: string[]): string {
  const largest = Math.abs(shape.maxNumber ?? 0);
  const magnitude = largest < 1000 ? " under 1,000" : ` up to ~1e${Math.floor(Math.log10(largest))}`;
  if (shape.email >= MOSTLY) return "email addresses";
  if (shape.isoTimestamp >= MOSTLY) return "ISO timestamps";
  if (shape.isoDate >= MOSTLY) return "ISO dates";
  if (shape.compactDate >= MOSTLY) return "8-digit dates (YYYYMMDD)";
  if (shape.localDate >= MOSTLY) return "dates written day/month/year or month/day/year";
  if (shape.epochSeconds >= MOSTLY) return "10-digit integers (epoch seconds?)";
  if (shape.epochMillis >= MOSTLY) return "13-digit integers (epoch milliseconds?)";
  if (shape.booleanLike >= MOSTLY) return "yes/no or true/false words, or one-letter flags";
  if (shape.currencyCode >= MOSTLY) {
    if (shape.integer >= MOSTLY) return "3-digit numeric currency codes";
    return shape.lowerCaseCurrency >= 0.5 ? "lower-case 3-letter currency codes" : "3-letter currency codes";
  }
  if (shape.country >= MOSTLY) return "country names or 2-letter codes";
  if (shape.zeroPadded >= MOSTLY) return "digits with leading zeros";
  if (shape.integer >= MOSTLY) return shape.unitInterval >= MOSTLY ? "0/1 values" : `integers${magnitude}`;
  if (shape.numeric >= MOSTLY) {
    if (shape.unitInterval >= MOSTLY) return "decimals between 0 and 1";
    if (shape.percentRange >= MOSTLY) return "decimals between 0 and 100";
    return `decimals${magnitude}`;
  }
  if (shape.phone >= MOSTLY) return "phone numbers";
  if (shape.url >= MOSTLY) return "URLs or domain names";
  if (shape.region >= MOSTLY) return "region codes";
  if (shape.personName >= MOSTLY) return "person names";
  if (shape.idLike >= MOSTLY) return "identifiers";
  const longest = Math.max(0, ...strings.map((s) => s.length));
  return longest > 80 ? "long text" : longest > 0 ? "short text" : "mixed values";
}

function cleanSuggestion(raw: LlmSuggestion, ontology: OntologyDefinition, table: SourceTable): LlmSuggestion {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const entity = ontology.entities.some((e) => e.name === raw.entity) ? raw.entity : null;
  const targets = new Set<string>(ontology.entities.flatMap((e) => e.fields.map((f) => targetOf(e.name, f.name))));
  const fieldOrder = new Map(table.fields.map((f, i) => [f.name, i]));

  // Most confident first: the first claim on a field or a target wins.
  const candidates = raw.mappings
    .filter((m) => fieldOrder.has(m.field))
    .map((m) =>
      m.target === null || targets.has(m.target) ? { ...m, confidence: clamp(m.confidence) } : { ...m, target: null, confidence: 0 },
    )
    .sort((a, b) => b.confidence - a.confidence);
  const byField = new Map<string, LlmSuggestion["mappings"][number]>();
  const claimed = new Set<string>();
  for (const m of candidates) {
    if (byField.has(m.field)) continue;
    const duplicate = m.target !== null && claimed.has(m.target);
    if (m.target !== null && !duplicate) claimed.add(m.target);
    byField.set(m.field, duplicate ? { ...m, target: null, confidence: 0 } : m);
  }
  const mappings = [...byField.values()].sort((a, b) => fieldOrder.get(a.field)! - fieldOrder.get(b.field)!);
  return { entity, confidence: entity === raw.entity ? clamp(raw.confidence) : 0, mappings };
}
