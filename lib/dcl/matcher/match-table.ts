import type { OntologyDefinition, OntologyEntity } from "@/lib/dcl/ontology/definition";
import { compareNames } from "./name-similarity";
import { scoreField, type FieldScore } from "./score-field";
import { compact, tokenize } from "./tokens";
import { chooseTransform } from "./transform";
import type { FieldMatch, PriorApproval, SourceTable, TableMatch } from "./types";
import { describeValues } from "./value-shape";

/** Below this a field is left unmapped; below ENTITY_FLOOR the table is no entity at all. */
const FIELD_FLOOR = 0.42;
const ENTITY_FLOOR = 0.45;
/** The best entity must also beat the runner-up by this much, or the table is left for a human. */
const ENTITY_MARGIN = 0.05;
/** An assignment this ambiguous is not proposed at all. */
const CONFIDENCE_FLOOR = 0.3;

/** `crm_accounts.csv` is named `crm_accounts`. */
const FILE_EXTENSION = /\.(csv|tsv|txt|jsonl|ndjson|json)$/i;

type Pair = { field: number; target: number; score: number; method: FieldScore["method"] };
type EntityFit = { entity: OntologyEntity; score: number; pairs: Pair[]; scores: FieldScore[][] };

const priorKey = (name: string) => compact(tokenize(name)) || name.toLowerCase();

/** One-to-one assignment: the strongest pairs first, each source field and each target used once. */
function assign(scores: FieldScore[][]): Pair[] {
  const pairs: Pair[] = [];
  scores.forEach((row, field) => row.forEach((s, target) => s.score >= FIELD_FLOOR && pairs.push({ field, target, ...s })));
  pairs.sort((a, b) => b.score - a.score || a.field - b.field);
  const usedFields = new Set<number>();
  const usedTargets = new Set<number>();
  return pairs.filter((p) => {
    if (usedFields.has(p.field) || usedTargets.has(p.target)) return false;
    usedFields.add(p.field);
    usedTargets.add(p.target);
    return true;
  });
}

function fitEntity(table: SourceTable, entity: OntologyEntity, shapes: ReturnType<typeof describeValues>[], priors: Map<string, string | null>): EntityFit {
  const scores = table.fields.map((field, i) => {
    const prior = priors.get(priorKey(field.name));
    return entity.fields.map((target): FieldScore => {
      if (prior === `${entity.name}.${target.name}`) return { score: 0.97, method: "prior" };
      const scored = scoreField(field, shapes[i], target, entity.name);
      return prior === null ? { ...scored, score: scored.score * 0.5 } : scored;
    });
  });
  const pairs = assign(scores);
  const coverage = pairs.reduce((sum, p) => sum + p.score, 0) / entity.fields.length;
  const keyIndex = entity.fields.findIndex((f) => f.name === entity.key);
  const key = pairs.find((p) => p.target === keyIndex)?.score ?? 0;
  const named = compareNames(table.table.replace(FILE_EXTENSION, ""), entity.name, entity.aliases).score;
  return { entity, scores, pairs, score: 0.3 * named + 0.55 * coverage + 0.15 * key };
}

/** Every entity's fit for the table, best first. */
export function rankEntities(table: SourceTable, ontology: OntologyDefinition, priors: PriorApproval[]): EntityFit[] {
  const shapes = table.fields.map((f) => describeValues(f.samples));
  const byName = new Map(priors.map((p) => [priorKey(p.sourceField), p.target]));
  return ontology.entities.map((entity) => fitEntity(table, entity, shapes, byName)).sort((a, b) => b.score - a.score);
}

/** How sure a field's assignment is: its score, discounted when another target scored nearly as well. */
function fieldConfidence(pair: Pair, row: FieldScore[]): number {
  const runnerUp = Math.max(0, ...row.filter((_, t) => t !== pair.target).map((s) => s.score));
  const ambiguity = Math.max(0, runnerUp - (pair.score - 0.15)) ;
  return round(Math.max(0, Math.min(0.99, pair.score - ambiguity)));
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Proposes the entity a source table holds and, for every source field, the ontology field it
 * carries (or none), with confidences in [0, 1]. Deterministic and offline: names, tokens,
 * abbreviations and aliases, types, value patterns, a one-to-one assignment and the tenant's
 * earlier approvals.
 */
export function matchTable(table: SourceTable, ontology: OntologyDefinition, options: { priors?: PriorApproval[] } = {}): TableMatch {
  const fits = rankEntities(table, ontology, options.priors ?? []);
  const [best, second] = fits;
  const none = (confidence: number): FieldMatch[] =>
    table.fields.map((f) => ({ field: f.name, target: null, confidence, method: "none", transform: null }));
  const margin = best ? best.score - (second?.score ?? 0) : 0;
  if (!best || best.score < ENTITY_FLOOR || margin < ENTITY_MARGIN) {
    // No entity: as unsure of every field as of the table, so a human sees it unless nothing came close.
    const confidence = round(Math.min(0.95, Math.max(0.5, 1 - (best?.score ?? 0))));
    return { entity: null, confidence, mappings: none(confidence) };
  }

  const entityConfidence = round(Math.min(0.99, 0.45 + (best.score - ENTITY_FLOOR) * 0.8 + margin * 0.8));
  const byField = new Map(best.pairs.map((p) => [p.field, p]));
  const mappings = table.fields.map((field, i): FieldMatch => {
    const pair = byField.get(i);
    const confidence = pair ? Math.min(fieldConfidence(pair, best.scores[i]), entityConfidence + 0.1) : 0;
    if (!pair || confidence < CONFIDENCE_FLOOR) {
      // Sure it is nothing when nothing came close.
      const bestScore = Math.max(0, ...best.scores[i].map((s) => s.score));
      return { field: field.name, target: null, confidence: round(Math.min(0.95, Math.max(0.5, 0.95 - bestScore))), method: "none", transform: null };
    }
    const target = best.entity.fields[pair.target];
    return {
      field: field.name,
      target: `${best.entity.name}.${target.name}`,
      confidence: round(confidence),
      method: pair.method,
      transform: chooseTransform(field, target, table),
    };
  });
  return { entity: best.entity.name, confidence: entityConfidence, mappings };
}
