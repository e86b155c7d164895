import { z } from "zod";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { DEFAULT_THRESHOLDS, suggestRepairs } from "./suggest";
import { DriftInput, type RepairThresholds } from "./types";

/** A drift case of the corpus (tests/fixtures/drift): the agent's input, where it comes from, and the right answer. */
export const DriftCase = DriftInput.extend({
  name: z.string(),
  origin: z.string(),
  /** `holdout` cases are never tuned on. */
  split: z.enum(["tune", "holdout"]),
  truth: z.object({ repairs: z.record(z.string(), z.string().nullable()), removed: z.array(z.string()) }),
});
export type DriftCase = z.infer<typeof DriftCase>;

export type Band = { from: number; to: number; decisions: number; right: number; accuracy: number };
export type RepairEvaluation = {
  cases: number;
  /** Fields of the new schemas that are not the same field under the same name with the same mapping. */
  changedFields: number;
  /** Of the auto-applied decisions on changed fields, the share that is right. */
  autoPrecision: number;
  /** Of the changed fields with a target, the share auto-applied rightly. */
  autoCoverage: number;
  /** Of the changed fields with a target, the share right at auto or review (what people then confirm). */
  reviewCoverage: number;
  removed: { precision: number; recall: number };
  /** Every decision on a changed field with a target proposed, by confidence band: how often it is right. */
  reliability: Band[];
  misses: { case: string; field: string; expected: string | null; got: string | null; confidence: number; apply: string }[];
};

const BANDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

/** Runs the agent over labelled cases with `thresholds` and scores it. */
export function evaluateRepairs(
  cases: DriftCase[],
  ontology: OntologyDefinition,
  thresholds: RepairThresholds = DEFAULT_THRESHOLDS,
): RepairEvaluation {
  const bands = BANDS.slice(0, -1).map((from, i) => ({ from, to: Math.min(1, BANDS[i + 1]!), decisions: 0, right: 0 }));
  const misses: RepairEvaluation["misses"] = [];
  let [changed, withTarget, auto, autoRight, autoCovered, reviewCovered] = [0, 0, 0, 0, 0, 0];
  let [removedRight, removedGot, removedWanted] = [0, 0, 0];
  for (const c of cases) {
    const plan = suggestRepairs(c, ontology, thresholds);
    const beforeNames = new Set(c.before.fields.map((f) => f.name));
    for (const repair of plan.repairs) {
      const expected = c.truth.repairs[repair.field] ?? null;
      const unchanged = beforeNames.has(repair.field) && (c.mappings[repair.field] ?? null) === expected;
      if (unchanged) continue;
      changed++;
      const right = repair.target === expected;
      if (expected) withTarget++;
      if (repair.apply === "auto") {
        auto++;
        if (right) autoRight++;
      }
      if (right && expected && repair.apply === "auto") autoCovered++;
      if (right && expected && repair.apply !== "report") reviewCovered++;
      if (repair.target) {
        const band = bands.find((b) => repair.confidence >= b.from && repair.confidence < (b.to === 1 ? 1.0001 : b.to))!;
        band.decisions++;
        if (right) band.right++;
      }
      if (!right || (expected && repair.apply !== "auto"))
        misses.push({
          case: c.name,
          field: repair.field,
          expected,
          got: repair.target,
          confidence: repair.confidence,
          apply: repair.apply,
        });
    }
    const wanted = new Set(c.truth.removed);
    removedGot += plan.removed.length;
    removedWanted += wanted.size;
    removedRight += plan.removed.filter((r) => wanted.has(r)).length;
  }
  return {
    cases: cases.length,
    changedFields: changed,
    autoPrecision: ratio(autoRight, auto),
    autoCoverage: ratio(autoCovered, withTarget),
    reviewCoverage: ratio(reviewCovered, withTarget),
    removed: { precision: ratio(removedRight, removedGot), recall: ratio(removedRight, removedWanted) },
    reliability: bands.map((b) => ({ ...b, accuracy: ratio(b.right, b.decisions) })),
    misses,
  };
}
