import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { parseTarget } from "@/lib/dcl/ontology/definition";
import { chooseTransform } from "./transform";
import type { FieldMatch, SourceTable, TableMatch } from "./types";
import type { LlmSuggestion } from "./llm-suggest";

/** The most an LLM-only proposal is trusted: a human confirms it unless the tenant's threshold is lower. */
const LLM_ONLY_CAP = 0.85;
/** How sure the LLM must be to map a field the offline matcher left unmapped. */
const LLM_FILLS_GAP = 0.6;
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Combines the offline match with an LLM's suggestion. Agreement raises confidence; where they
 * disagree the more confident wins, an LLM-only answer capped below auto-approval; the result
 * stays one-to-one. An LLM that names a different entity only wins when the offline matcher found none.
 */
export function mergeLlmSuggestion(table: SourceTable, ontology: OntologyDefinition, offline: TableMatch, llm: LlmSuggestion): TableMatch {
  const entity = offline.entity ?? (llm.confidence >= 0.8 ? llm.entity : null);
  if (!entity || (offline.entity && llm.entity !== offline.entity)) return offline;
  const entityDef = ontology.entities.find((e) => e.name === entity)!;
  const suggested = new Map(llm.mappings.filter((m) => !m.target || parseTarget(m.target).entity === entity).map((m) => [m.field, m]));
  const byField = new Map(offline.mappings.map((m) => [m.field, m]));
  const merged: FieldMatch[] = table.fields.map((field) => {
    const mine = offline.entity
      ? byField.get(field.name)!
      : { field: field.name, target: null, confidence: 0, method: "none" as const, transform: null };
    const theirs = suggested.get(field.name);
    if (!theirs) return mine;
    if (theirs.target === mine.target)
      return { ...mine, confidence: round(Math.max(mine.confidence, Math.min(0.99, (mine.confidence + theirs.confidence) / 2 + 0.15))) };
    if (!theirs.target) return mine;
    // Offline "nothing fits" only means no name or value matched; a model that reads meaning may know better.
    const beatsMine = mine.target === null ? theirs.confidence >= LLM_FILLS_GAP : theirs.confidence > mine.confidence;
    if (!beatsMine) return mine;
    const target = entityDef.fields.find((f) => f.name === parseTarget(theirs.target!).field)!;
    return {
      field: field.name,
      target: theirs.target,
      confidence: round(Math.min(theirs.confidence, LLM_ONLY_CAP)),
      method: "llm",
      transform: chooseTransform(field, target, table),
    };
  });
  // Keep it one-to-one: a target claimed twice stays with the more confident field.
  const owner = new Map<string, FieldMatch>();
  for (const m of merged) if (m.target && (owner.get(m.target)?.confidence ?? -1) < m.confidence) owner.set(m.target, m);
  const mappings = merged.map((m) =>
    m.target && owner.get(m.target) !== m ? { ...m, target: null, method: "none" as const, transform: null, confidence: 0.5 } : m,
  );
  return { entity, confidence: offline.entity ? offline.confidence : round(Math.min(llm.confidence, LLM_ONLY_CAP)), mappings };
}
