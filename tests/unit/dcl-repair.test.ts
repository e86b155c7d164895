import { describe, expect, it } from "vitest";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { suggestRepairs } from "@/lib/dcl/repair/suggest";
import { DriftInput } from "@/lib/dcl/repair/types";
import { normalizeType } from "@/lib/dcl/repair/vendor-types";

const ids = ["0065e00000AbCdE1", "0065e00000AbCdE2", "0065e00000AbCdE3", "0065e00000AbCdE4", "0065e00000AbCdE5"];
const amounts = [12000.5, 800, null, 4300, 95000];
const dates = ["2026-01-15", "2026-02-01", "2026-03-31", null, "2026-06-30"];

const drift = (before: [string, string, unknown[]][], after: [string, string, unknown[]][], mappings: Record<string, string>) =>
  DriftInput.parse({
    source: "salesforce",
    table: "Opportunity",
    before: { fields: before.map(([name, type, samples]) => ({ name, type, samples })) },
    mappings,
    after: { fields: after.map(([name, type, samples]) => ({ name, type, samples })) },
  });
const byField = (plan: ReturnType<typeof suggestRepairs>) => Object.fromEntries(plan.repairs.map((r) => [r.field, r]));

describe("the repair agent", () => {
  it("keeps what did not change and follows renames whose values agree record by record, applying them when sure", () => {
    const plan = suggestRepairs(
      drift(
        [["Id", "id", ids], ["Amount", "currency", amounts], ["CloseDate", "date", dates]],
        [["Id", "id", ids], ["amount", "decimal(18,2)", amounts], ["close_date", "DATS", dates]],
        { Id: "opportunity.opportunity_id", Amount: "opportunity.amount", CloseDate: "opportunity.close_date" },
      ),
      BUILTIN_ONTOLOGY,
    );
    const r = byField(plan);
    expect(r.Id).toMatchObject({ target: "opportunity.opportunity_id", kind: "keep", apply: "auto" });
    expect(r.amount).toMatchObject({ target: "opportunity.amount", from: "Amount", kind: "rename", apply: "auto" });
    expect(r.close_date).toMatchObject({ target: "opportunity.close_date", from: "CloseDate", apply: "auto" });
    expect(r.amount!.reason).toMatch(/renamed from Amount: 4 of 4 values equal/);
    expect(plan.removed).toEqual([]);
  });

  it("sees a unit change in the values, reports a mapped field with no successor as removed, and maps a new field by the matcher", () => {
    const plan = suggestRepairs(
      drift(
        [["Id", "id", ids], ["Amount", "currency", amounts], ["Probability", "percent", [10, 50, 75, 90, 100]]],
        [["Id", "id", ids], ["amount_cents", "integer", [1200050, 80000, null, 430000, 9500000]], ["owner_email", "string", ["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test"]]],
        { Id: "opportunity.opportunity_id", Amount: "opportunity.amount", Probability: "opportunity.probability" },
      ),
      BUILTIN_ONTOLOGY,
    );
    const r = byField(plan);
    expect(r.amount_cents).toMatchObject({ target: "opportunity.amount", from: "Amount", transform: "minor_units" });
    expect(r.amount_cents!.reason).toMatch(/100 times the old/);
    expect(r.owner_email).toMatchObject({ target: "opportunity.owner", from: null, kind: "new" });
    expect(plan.removed).toEqual(["Probability"]);
  });

  it("lets the values decide between near-miss names, and is not sure when two candidates are alike", () => {
    const due = [100, 250, 75, 300, 40];
    const paid = [100, 0, 75, 150, 0];
    const plan = suggestRepairs(
      drift(
        [["id", "string", ids], ["amount", "number", due]],
        [["id", "string", ids], ["amount_paid", "number", paid], ["amount_due", "number", due]],
        { id: "invoice.invoice_id", amount: "invoice.amount" },
      ),
      BUILTIN_ONTOLOGY,
    );
    const r = byField(plan);
    expect(r.amount_due).toMatchObject({ target: "invoice.amount", from: "amount" });
    expect(r.amount_paid!.target).not.toBe("invoice.amount");
  });

  it("does not carry a mapping over to a field of the same name whose values changed meaning", () => {
    const plan = suggestRepairs(
      drift([["id", "string", ids], ["owner", "string", ["ann", "bob", "cy", "di", "ed"]]], [["id", "string", ids], ["owner", "string", ["u-1", "u-2", "u-3", "u-4", "u-5"]]], {
        id: "opportunity.opportunity_id",
        owner: "opportunity.owner",
      }),
      BUILTIN_ONTOLOGY,
    );
    expect(byField(plan).owner).toMatchObject({ target: "opportunity.owner", apply: "report" });
    expect(byField(plan).owner!.reason).toMatch(/meaning may have changed/);
  });

  it("reads any vendor's type names", () => {
    expect(["varchar(255)", "picklist", "NUMC", "CUKY", "objectId", "reference"].map(normalizeType)).toEqual(Array(6).fill("string"));
    expect(["decimal(18,2)", "NUMBER(38,2)", "currency", "percent", "CURR", "double"].map(normalizeType)).toEqual(Array(6).fill("number"));
    expect(["NUMBER(38,0)", "bigint", "int32", "INT4"].map(normalizeType)).toEqual(Array(4).fill("integer"));
    expect(["DATS", "date"].map(normalizeType)).toEqual(["date", "date"]);
    expect(["datetime", "timestamp with time zone", "TIMESTAMP_NTZ", "timestamptz"].map(normalizeType)).toEqual(Array(4).fill("timestamp"));
    expect(["bool", "checkbox"].map(normalizeType)).toEqual(["boolean", "boolean"]);
  });

  it("refuses input that is not a drift description, with the reason", () => {
    const bad = DriftInput.safeParse({ source: "x", table: "t", before: { fields: [] }, mappings: { a: "not a target" }, after: { fields: [] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["mappings.a", "after.fields"]));
  });
});
