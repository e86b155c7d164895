import type { FieldType, JsonValue } from "@/lib/aam/connectors/types";
import { nameSimilarity } from "@/lib/aam/drift/rename";
import { typeAffinity } from "@/lib/aam/drift/type-change";
import { rankEntities } from "@/lib/dcl/matcher/match-table";
import { readSource, readTarget, scoreField } from "@/lib/dcl/matcher/score-field";
import { chooseTransform } from "@/lib/dcl/matcher/transform";
import type { SourceTable, ValueTransform } from "@/lib/dcl/matcher/types";
import { describeValues } from "@/lib/dcl/matcher/value-shape";
import { parseTarget, type OntologyDefinition, type OntologyEntity } from "@/lib/dcl/ontology/definition";
import type { DriftInput, Repair, RepairApply, RepairPlan, RepairThresholds } from "./types";
import { agreement, type Agreement } from "./values";
import { normalizeType } from "@/lib/aam/schema/vendor-types";

/** Chosen on the tuning part of the drift corpus (tests/fixtures/drift; see lib/dcl/repair/evaluate.ts). */
export const DEFAULT_THRESHOLDS: RepairThresholds = { auto: 0.7, review: 0.5 };

/** Below this a removed and an added field are not one field renamed. */
const RENAME_FLOOR = 0.5;
/** A new field is mapped only when the matcher scores a free target at least this well. */
const NEW_FIELD_FLOOR = 0.5;
/** A runner-up this close to the chosen pairing makes it uncertain. */
const CLEAR_MARGIN = 0.15;
/** The confidence of a mapping kept under a name whose values no longer agree: a person decides. */
export const MEANING_CHANGED = 0.5;

type Field = { name: string; vendorType: string; type: FieldType; samples: JsonValue[] };
type Decision = Omit<Repair, "apply">;
type Pairing = { before: Field; after: Field; score: number; values?: Agreement; name: number };

/**
 * The repair agent's decisions for a table whose schema changed, without a database or an LLM:
 * for each field of the new schema, keep its mapping (same name), follow a rename (the removed
 * field whose values, lined up record by record, and name it continues), map it as a new field
 * (the matcher, on targets no other field holds), or leave it unmapped; and which mapped fields
 * were removed. Each decision has a confidence in [0, 1] and a one-line reason; `thresholds` says
 * which are applied, reviewed or only reported.
 */
export function suggestRepairs(
  input: DriftInput,
  ontology: OntologyDefinition,
  thresholds: RepairThresholds = DEFAULT_THRESHOLDS,
): RepairPlan {
  const before = input.before.fields.map(field);
  const after = input.after.fields.map(field);
  const table: SourceTable = {
    source: input.source,
    table: input.table,
    fields: after.map((f) => ({ name: f.name, type: f.vendorType, samples: f.samples })),
  };
  const entity = entityOf(input.mappings, table, ontology);
  const decisions = new Map<string, Decision>();
  // Own keys only: a field named `constructor` must not read Object.prototype's.
  const mapped = (name: string): string | null => (Object.hasOwn(input.mappings, name) ? input.mappings[name]! : null);

  const beforeByName = new Map(before.map((f) => [f.name, f]));
  // A field under its old name whose values no longer agree may have moved to another name (its
  // old name now meaning something else): it takes part in the rename pairing, as do new fields.
  const changedMeaning = new Set<string>();
  for (const a of after) {
    const b = beforeByName.get(a.name);
    if (!b) continue;
    const kept = keep(b, a, mapped(b.name), entity, table);
    if (kept.meaningChanged) changedMeaning.add(a.name);
    decisions.set(a.name, kept.decision);
  }
  const gone = before.filter((b) => !decisions.has(b.name) || changedMeaning.has(b.name));
  const fresh = after.filter((a) => !decisions.has(a.name) || changedMeaning.has(a.name));
  for (const pairing of pairRenames(gone, fresh)) {
    decisions.set(pairing.after.name, rename(pairing, mapped(pairing.before.name), entity, table));
    // The field under the old name is then another field, new to the mapping (unless another pairing already renamed into it).
    const old = pairing.before.name;
    if (changedMeaning.has(old) && decisions.get(old)?.from === old) decisions.delete(old);
  }

  const taken = new Set([...decisions.values()].map((d) => d.target).filter(Boolean));
  const continuedSoFar = new Set([...decisions.values()].map((d) => d.from));
  for (const a of after.filter((f) => !decisions.has(f.name))) {
    const decision = newField(a, entity, taken, table);
    if (decision.target) taken.add(decision.target);
    // A new field on the target a vanished field held continues that field, even where values could not show it.
    const predecessor = before.find(
      (b) =>
        mapped(b.name) === decision.target &&
        !continuedSoFar.has(b.name) &&
        !after.some((x) => x.name === b.name && decisions.get(x.name)?.target === decision.target),
    );
    decisions.set(
      a.name,
      predecessor && decision.target
        ? { ...decision, from: predecessor.name, reason: `${decision.reason}, where ${predecessor.name} was` }
        : decision,
    );
  }

  const continued = new Set([...decisions.values()].map((d) => d.from).filter(Boolean));
  const removed = before.filter((b) => mapped(b.name) && !continued.has(b.name)).map((b) => b.name);
  return {
    entity: entity?.name ?? null,
    repairs: after.map((a) => {
      const d = decisions.get(a.name)!;
      return { ...d, confidence: round(d.confidence), apply: applyOf(d.confidence, d.target, thresholds) };
    }),
    removed,
  };
}

/** Where a decision goes: applied at or above the auto threshold, reviewed at or above the review one, else only reported (as is one without a target). */
export function applyOf(confidence: number, target: string | null, thresholds: RepairThresholds): RepairApply {
  return target && confidence >= thresholds.auto ? "auto" : target && confidence >= thresholds.review ? "review" : "report";
}

const field = (f: DriftInput["after"]["fields"][number]): Field => ({
  name: f.name,
  vendorType: f.type,
  type: normalizeType(f.type),
  samples: f.samples as JsonValue[],
});
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The entity the mappings in force point to (most of them), else the matcher's best for the new schema. */
function entityOf(mappings: DriftInput["mappings"], table: SourceTable, ontology: OntologyDefinition): OntologyEntity | null {
  const votes = new Map<string, number>();
  for (const target of Object.values(mappings)) votes.set(parseTarget(target).entity, (votes.get(parseTarget(target).entity) ?? 0) + 1);
  const voted = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (voted) return ontology.entities.find((e) => e.name === voted) ?? null;
  const best = rankEntities(table, ontology, [])[0];
  return best && best.score >= 0.45 ? best.entity : null;
}

/**
 * A field under the same name: its mapping holds, unless its values no longer agree with the old
 * ones (then a person decides, and the field may have moved to another name).
 */
function keep(
  b: Field,
  a: Field,
  target: string | null,
  entity: OntologyEntity | null,
  table: SourceTable,
): { decision: Decision; meaningChanged: boolean } {
  if (!target)
    return {
      decision: {
        field: a.name,
        target: null,
        confidence: 0.95,
        from: b.name,
        kind: "ignore",
        transform: null,
        reason: "unchanged and not mapped before",
      },
      meaningChanged: false,
    };
  const values = agreement(b.samples, a.samples);
  const transform = transformFor(a, target, entity, table);
  if (values && values.distinct >= 3 && values.share < 0.5) {
    const reason = `same name, but ${describeAgreement(values)}: its meaning may have changed`;
    return {
      decision: { field: a.name, target, confidence: MEANING_CHANGED, from: b.name, kind: "keep", transform, reason },
      meaningChanged: true,
    };
  }
  const retyped = b.type !== a.type || b.vendorType !== a.vendorType;
  const reason = retyped
    ? `type changed from ${b.vendorType} to ${a.vendorType}${values ? `; ${describeAgreement(values)}` : ""}`
    : "unchanged";
  return {
    decision: {
      field: a.name,
      target,
      confidence: retyped && !(values && values.share >= 0.8) ? 0.85 : 0.98,
      from: b.name,
      kind: "keep",
      transform,
      reason,
    },
    meaningChanged: false,
  };
}

/** Removed and added fields paired best-first, one to one, when their values and names say they are one field. */
function pairRenames(gone: Field[], fresh: Field[]): Pairing[] {
  // A field is never its own rename (it is in both lists when its meaning may have changed).
  const all = gone.flatMap((b) => fresh.filter((a) => a.name !== b.name).map((a) => scorePair(b, a)));
  // Each side's two best scores, for the runner-up of a chosen pairing.
  const top = new Map<string, [Pairing | null, number, number]>();
  for (const p of all) {
    for (const side of [`b:${p.before.name}`, `a:${p.after.name}`]) {
      const [best, first, second] = top.get(side) ?? [null, 0, 0];
      top.set(side, p.score > first ? [p, p.score, first] : [best, first, Math.max(second, p.score)]);
    }
  }
  const runnerUp = (side: string, p: Pairing) => {
    const [best, first, second] = top.get(side)!;
    return best === p ? second : first;
  };
  const sorted = [...all].sort((x, y) => y.score - x.score);
  const used = new Set<string>();
  const chosen: Pairing[] = [];
  for (const pairing of sorted) {
    if (pairing.score < RENAME_FLOOR) break;
    const [b, a] = [`b:${pairing.before.name}`, `a:${pairing.after.name}`];
    if (used.has(b) || used.has(a)) continue;
    used.add(b).add(a);
    // A close runner-up for either side makes the pairing less certain.
    const margin = Math.max(0, pairing.score - Math.max(runnerUp(b, pairing), runnerUp(a, pairing)));
    chosen.push({ ...pairing, score: margin >= CLEAR_MARGIN ? pairing.score : pairing.score * (0.7 + 2 * margin) });
  }
  return chosen;
}

/**
 * How likely `a` is `b` renamed. Values that agree record by record are the strongest evidence
 * when they are varied (ids, amounts, dates); a flag or a single status agreeing says little, so
 * the names decide then.
 */
function scorePair(b: Field, a: Field): Pairing {
  const values = agreement(b.samples, a.samples);
  const name = nameSimilarity(b.name, a.name);
  const type = typeAffinity(b.type, a.type);
  let score: number;
  if (values && values.distinct >= 3) score = 0.65 * values.share + 0.25 * name + 0.1 * type;
  else if (values) score = 0.2 * values.share + 0.65 * name + 0.15 * type;
  else score = 0.9 * (0.8 * name + 0.2 * type);
  return { before: b, after: a, score, values, name };
}

function rename(p: Pairing, target: string | null, entity: OntologyEntity | null, table: SourceTable): Decision {
  const evidence = [p.values ? describeAgreement(p.values) : "no values to compare", `names ${Math.round(p.name * 100)}% alike`].join(", ");
  if (!target)
    return {
      field: p.after.name,
      target: null,
      confidence: p.score,
      from: p.before.name,
      kind: "ignore",
      transform: null,
      reason: `renamed from ${p.before.name} (${evidence}), which was not mapped`,
    };
  return {
    field: p.after.name,
    target,
    confidence: p.score,
    from: p.before.name,
    kind: "rename",
    transform: transformFor(p.after, target, entity, table),
    reason: `renamed from ${p.before.name}: ${evidence}`,
  };
}

/** A field with no predecessor: the matcher's best target of the entity that no other field holds. */
function newField(a: Field, entity: OntologyEntity | null, taken: Set<string | null>, table: SourceTable): Decision {
  const none = (reason: string): Decision => ({
    field: a.name,
    target: null,
    confidence: 0.9,
    from: null,
    kind: "ignore",
    transform: null,
    reason,
  });
  if (!entity) return none("new field; the table is no known entity");
  const shape = describeValues(a.samples);
  const source = readSource({ name: a.name, type: a.vendorType });
  const best = entity.fields
    .filter((f) => !taken.has(`${entity.name}.${f.name}`))
    .map((f) => ({ f, ...scoreField(source, shape, readTarget(f, entity.name, table)) }))
    .sort((x, y) => y.score - x.score)[0];
  if (!best || best.score < NEW_FIELD_FLOOR) return none(`new field; nothing free in ${entity.name} fits it`);
  const target = `${entity.name}.${best.f.name}`;
  return {
    field: a.name,
    target,
    confidence: 0.85 * best.score,
    from: null,
    kind: "new",
    transform: transformFor(a, target, entity, table),
    reason: `new field; looks like ${target} (${best.method}, ${Math.round(best.score * 100)}%)`,
  };
}

function transformFor(a: Field, target: string, entity: OntologyEntity | null, table: SourceTable): ValueTransform | null {
  const ontologyField = entity?.fields.find((f) => `${entity.name}.${f.name}` === target);
  return ontologyField ? chooseTransform({ name: a.name, type: a.vendorType, samples: a.samples }, ontologyField, table) : null;
}

function describeAgreement(v: Agreement): string {
  const agreeing = Math.round(v.share * v.compared);
  const how =
    v.relation === "same" ? "equal" : v.relation === "times_100" ? "equal at 100 times the old" : "equal at a hundredth of the old";
  return `${agreeing} of ${v.compared} values ${how}`;
}
