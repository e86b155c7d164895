import { z } from "zod";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { matchTable } from "./match-table";
import { DEFAULT_AUTO_APPROVE, SourceTable, type TableMatch } from "./types";

/** A hand-labeled source table: the matcher's input plus the right answer. */
export const LabeledTable = SourceTable.extend({
  expected: z.object({ entity: z.string().nullable(), mappings: z.record(z.string(), z.string().nullable()) }),
});
export type LabeledTable = z.infer<typeof LabeledTable>;

export type EntityScore = {
  entity: string;
  tables: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
};
export type CalibrationBin = { from: number; to: number; mappings: number; correct: number; accuracy: number };
export type Evaluation = {
  tables: number;
  entityAccuracy: number;
  entities: EntityScore[];
  overall: Omit<EntityScore, "entity" | "tables"> & { f1: number };
  /** Mappings to a target at or above the default auto-approve threshold (a tenant may raise it), and how many are right. */
  autoApproved: { mappings: number; correct: number; precision: number };
  calibration: CalibrationBin[];
  misses: { table: string; field: string; expected: string | null; got: string | null; confidence: number }[];
};

const BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

/**
 * Runs the matcher over labeled tables. A mapping to a target is a true positive when the label
 * agrees, a false positive otherwise; a labeled target the matcher missed is a false negative.
 * Calibration bins count every decision (null included) by its confidence.
 */
export function evaluateMatcher(
  tables: LabeledTable[],
  ontology: OntologyDefinition,
  match: (t: SourceTable) => TableMatch = (t) => matchTable(t, ontology),
): Evaluation {
  const perEntity = new Map<string, { tables: number; tp: number; fp: number; fn: number }>();
  const bins = BINS.slice(0, -1).map((from, i) => ({ from, to: Math.min(1, BINS[i + 1]), mappings: 0, correct: 0 }));
  const misses: Evaluation["misses"] = [];
  let entitiesRight = 0;
  const auto = { mappings: 0, correct: 0 };
  for (const table of tables) {
    const result = match(table);
    if (result.entity === table.expected.entity) entitiesRight += 1;
    const key = table.expected.entity ?? "(none)";
    const tally = perEntity.get(key) ?? { tables: 0, tp: 0, fp: 0, fn: 0 };
    tally.tables += 1;
    for (const m of result.mappings) {
      const expected = table.expected.mappings[m.field] ?? null;
      const right = m.target === expected;
      if (m.target !== null) right ? (tally.tp += 1) : (tally.fp += 1);
      if (m.target !== null && m.confidence >= DEFAULT_AUTO_APPROVE) {
        auto.mappings += 1;
        if (right) auto.correct += 1;
      }
      if (expected !== null && !right) tally.fn += 1;
      if (!right)
        misses.push({ table: `${table.source}/${table.table}`, field: m.field, expected, got: m.target, confidence: m.confidence });
      const bin = bins.find((b, i) => m.confidence >= b.from && m.confidence < BINS[i + 1])!;
      bin.mappings += 1;
      if (right) bin.correct += 1;
    }
    perEntity.set(key, tally);
  }
  const entities = [...perEntity].map(([entity, t]) => ({
    entity,
    tables: t.tables,
    truePositives: t.tp,
    falsePositives: t.fp,
    falseNegatives: t.fn,
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
  }));
  const sum = (k: "truePositives" | "falsePositives" | "falseNegatives") => entities.reduce((s, e) => s + e[k], 0);
  const [tp, fp, fn] = [sum("truePositives"), sum("falsePositives"), sum("falseNegatives")];
  return {
    tables: tables.length,
    entityAccuracy: ratio(entitiesRight, tables.length),
    entities: entities.sort((a, b) => a.entity.localeCompare(b.entity)),
    overall: {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: ratio(2 * tp, 2 * tp + fp + fn),
    },
    autoApproved: { ...auto, precision: ratio(auto.correct, auto.mappings) },
    calibration: bins.map((b) => ({ ...b, accuracy: ratio(b.correct, b.mappings) })),
    misses,
  };
}
