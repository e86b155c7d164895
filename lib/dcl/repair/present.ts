import type { RepairPlan, RepairSuggestions } from "./types";

/** The plan as the CLI and the API answer it: each field's decision, and the mapped fields removed. */
export function presentRepairs(plan: RepairPlan): RepairSuggestions {
  return {
    entity: plan.entity,
    repairs: plan.repairs.map((r) => ({
      field: r.field,
      target: r.target,
      confidence: r.confidence,
      from: r.from,
      apply: r.apply,
      transform: r.transform,
      reason: r.reason,
    })),
    removed: plan.removed,
  };
}
