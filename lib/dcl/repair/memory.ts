import { nameSimilarity } from "@/lib/aam/drift/rename";
import { applyOf } from "./suggest";
import type { Repair, RepairPlan, RepairThresholds } from "./types";

/** A person's earlier decision on a mapping: which field, continuing which, onto which target, and the verdict. */
export type Remembered = { field: string; fromField: string | null; target: string; verdict: "approved" | "rejected"; at: Date };

/** Names at least this alike count as the same field seen again (under another source or spelling). */
const ALIKE = 0.8;

/**
 * The repair agent's memory of what the tenant's people decided: a repair onto a target a person
 * rejected for this field (or one named alike) is held back: never applied, and only reported
 * when it is the very same field. One a person approved before for the same field and target is
 * trusted more: it is applied when it would otherwise wait for review. The newest decision on a
 * name wins. Each use is named in the repair's reason.
 */
export function applyMemory(plan: RepairPlan, memory: Remembered[], thresholds: RepairThresholds): RepairPlan {
  if (memory.length === 0) return plan;
  return { ...plan, repairs: plan.repairs.map((r) => (r.target && r.kind !== "ignore" ? recall(r, memory, thresholds) : r)) };
}

function recall(repair: Repair, memory: Remembered[], thresholds: RepairThresholds): Repair {
  const hits = memory
    .filter((m) => m.target === repair.target)
    .map((m) => ({
      m,
      alike: Math.max(nameSimilarity(m.field, repair.field), m.fromField && repair.from ? nameSimilarity(m.fromField, repair.from) : 0),
    }))
    .filter((h) => h.alike >= ALIKE)
    .sort((a, b) => b.alike - a.alike || b.m.at.getTime() - a.m.at.getTime());
  const hit = hits[0];
  if (!hit) return repair;
  const same = hit.m.field === repair.field;
  const said = `a person ${hit.m.verdict} ${hit.m.field} → ${hit.m.target} on ${hit.m.at.toISOString().slice(0, 10)}`;
  let confidence = repair.confidence;
  if (hit.m.verdict === "rejected") confidence = Math.min(confidence, same ? thresholds.review - 0.01 : thresholds.auto - 0.01);
  else if (same && confidence >= thresholds.review) confidence = Math.max(confidence, thresholds.auto);
  else confidence = Math.min(0.99, confidence + 0.05);
  confidence = Math.max(0, Math.round(confidence * 1000) / 1000);
  return { ...repair, confidence, apply: applyOf(confidence, repair.target, thresholds), reason: `${repair.reason}; ${said}` };
}
