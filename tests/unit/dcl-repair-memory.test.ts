import { describe, expect, it } from "vitest";
import { applyMemory, type Remembered } from "@/lib/dcl/repair/memory";
import type { Repair, RepairPlan, RepairThresholds } from "@/lib/dcl/repair/types";

/** Fixed here, not the calibrated defaults: the memory's rule is what is tested. */
const THRESHOLDS: RepairThresholds = { auto: 0.8, review: 0.5 };

const repair = (field: string, from: string | null, target: string, confidence: number): Repair => ({
  field,
  from,
  target,
  confidence,
  apply: confidence >= 0.8 ? "auto" : confidence >= 0.5 ? "review" : "report",
  kind: from ? "rename" : "new",
  transform: null,
  reason: "renamed",
});
const plan = (...repairs: Repair[]): RepairPlan => ({ entity: "opportunity", repairs, removed: [] });
const at = new Date("2026-11-01T00:00:00Z");
const said = (field: string, target: string, verdict: Remembered["verdict"], when = at, fromField: string | null = null): Remembered => ({
  field,
  fromField,
  target,
  verdict,
  at: when,
});

describe("the repair agent's memory of people's decisions", () => {
  it("never applies what a person rejected for the same field, and only reports it", () => {
    const [r] = applyMemory(
      plan(repair("deal_value", "Amount", "opportunity.amount", 0.9)),
      [said("deal_value", "opportunity.amount", "rejected")],
      THRESHOLDS,
    ).repairs;
    expect(r).toMatchObject({ apply: "report", confidence: 0.49 });
    expect(r!.reason).toBe("renamed; a person rejected deal_value → opportunity.amount on 2026-11-01");
  });

  it("sends a field named alike to review rather than applying it", () => {
    const [r] = applyMemory(
      plan(repair("deal_values", "Amount", "opportunity.amount", 0.9)),
      [said("deal_value", "opportunity.amount", "rejected")],
      THRESHOLDS,
    ).repairs;
    expect(r).toMatchObject({ apply: "review", confidence: 0.79 });
  });

  it("applies what a person approved before for the same field and target, and leaves other targets alone", () => {
    const memory = [said("close_dt", "opportunity.close_date", "approved")];
    const out = applyMemory(
      plan(repair("close_dt", "Close Date", "opportunity.close_date", 0.6), repair("close_dt_2", null, "opportunity.amount", 0.6)),
      memory,
      THRESHOLDS,
    ).repairs;
    expect(out.map((r) => [r.apply, r.confidence])).toEqual([
      ["auto", 0.8],
      ["review", 0.6],
    ]);
  });

  it("lets the newest word stand when a person changed their mind", () => {
    const memory = [
      said("stage_x", "opportunity.stage", "rejected", new Date("2026-10-01")),
      said("stage_x", "opportunity.stage", "approved", new Date("2026-11-02")),
    ];
    expect(applyMemory(plan(repair("stage_x", "Stage", "opportunity.stage", 0.6)), memory, THRESHOLDS).repairs[0]!.apply).toBe("auto");
  });

  it("does not raise below the review threshold on an approval alone, and changes nothing without memory", () => {
    const weak = plan(repair("x_close", null, "opportunity.close_date", 0.3));
    expect(applyMemory(weak, [said("x_close", "opportunity.close_date", "approved")], THRESHOLDS).repairs[0]).toMatchObject({
      apply: "report",
      confidence: 0.35,
    });
    expect(applyMemory(weak, [], THRESHOLDS)).toBe(weak);
  });
});
