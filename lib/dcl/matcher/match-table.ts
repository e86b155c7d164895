import type { OntologyDefinition, OntologyEntity } from "@/lib/dcl/ontology/definition";
import { compareNames, nameCandidates, readSourceName } from "./name-similarity";
import { readMemory, type Memory } from "./priors";
import { readSource, readTarget, scoreField, type FieldScore, type ScoredSource } from "./score-field";
import { chooseTransform } from "./transform";
import type { FieldMatch, PriorApproval, SourceTable, TableMatch } from "./types";
import { describeValues, type ValueShape } from "./value-shape";
import { aliasesOf } from "./vocabulary";

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
/** `named`: how well the table's own name says the entity, in [0, 1]. */
type EntityFit = { entity: OntologyEntity; score: number; named: number; pairs: Pair[]; scores: FieldScore[][] };
type SourceFields = { fields: ScoredSource[]; shapes: ValueShape[] };

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

function fitEntity(table: SourceTable, entity: OntologyEntity, source: SourceFields, memory: Memory): EntityFit {
  const tableName = readSourceName(table.table.replace(FILE_EXTENSION, ""));
  const named = compareNames(tableName, nameCandidates(entity.name, aliasesOf(entity, table))).score;
  const keyIndex = entity.fields.findIndex((f) => f.name === entity.key);
  const targets = entity.fields.map((f) => readTarget(f, entity.name, table, memory.learnedNames(entity.name, f.name)));
  const scores = table.fields.map((field, i) => {
    const decided = memory.about(field.name);
    return targets.map((target, t): FieldScore => {
      const recalled = decided.recall(entity.name, target.field.name);
      if (recalled !== null) return { score: recalled, method: "prior" };
      // A bare `Id` in a table named for the entity is that entity's key (`accounts.csv`, Salesforce's `Account`).
      if (t === keyIndex && named >= NAMED_TABLE && isBareId(source.fields[i]!)) return { score: BARE_ID_IN_NAMED_TABLE, method: "alias" };
      const scored = scoreField(source.fields[i]!, source.shapes[i]!, target);
      return decided.rejected ? { ...scored, score: scored.score * 0.5 } : scored;
    });
  });
  const pairs = assign(scores);
  const coverage = pairs.reduce((sum, p) => sum + p.score, 0) / entity.fields.length;
  const key = pairs.find((p) => p.target === keyIndex)?.score ?? 0;
  return { entity, scores, pairs, named, score: 0.3 * named + 0.55 * coverage + 0.15 * key };
}

/** A table name at least this close to an entity's names says the entity. */
const NAMED_TABLE = 0.9;
const BARE_ID_IN_NAMED_TABLE = 0.95;
const isBareId = (field: ScoredSource) => field.name.whole.tokens.length === 1 && field.name.whole.tokens[0] === "id";

/** Every entity's fit for the table, best first. */
export function rankEntities(table: SourceTable, ontology: OntologyDefinition, priors: PriorApproval[]): EntityFit[] {
  const source = { fields: table.fields.map(readSource), shapes: table.fields.map((f) => describeValues(f.samples)) };
  const memory = readMemory(priors, table.source);
  return ontology.entities.map((entity) => fitEntity(table, entity, source, memory)).sort((a, b) => b.score - a.score);
}

/** How sure a field's assignment is: its score, discounted when another target scored nearly as well. */
function fieldConfidence(pair: Pair, row: FieldScore[]): number {
  const runnerUp = Math.max(0, ...row.filter((_, t) => t !== pair.target).map((s) => s.score));
  const ambiguity = Math.max(0, runnerUp - (pair.score - 0.15));
  return round(Math.max(0, Math.min(0.99, pair.score - ambiguity)));
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Proposes the entity a source table holds and, for every source field, the ontology field it
 * carries (or none), with confidences in [0, 1]. Deterministic and offline: names, tokens,
 * abbreviations, aliases in several languages and systems, type names, value patterns, a one-to-one
 * assignment and what the tenant's people approved or corrected before.
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

  // A table whose own name does not say the entity (`transactions`, `SA1010`) is judged by its fields alone: a person confirms it.
  const entityConfidence = round(Math.min(0.99, 0.45 + (best.score - ENTITY_FLOOR) * 0.8 + margin * 0.8) * (0.85 + 0.15 * best.named));
  const byField = new Map(best.pairs.map((p) => [p.field, p]));
  const mappings = table.fields.map((field, i): FieldMatch => {
    const pair = byField.get(i);
    const confidence = pair ? Math.min(fieldConfidence(pair, best.scores[i]), entityConfidence + 0.1) : 0;
    if (!pair || confidence < CONFIDENCE_FLOOR) {
      // Sure it is nothing when nothing came close.
      const bestScore = Math.max(0, ...best.scores[i].map((s) => s.score));
      return {
        field: field.name,
        target: null,
        confidence: round(Math.min(0.95, Math.max(0.5, 0.95 - bestScore))),
        method: "none",
        transform: null,
      };
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
