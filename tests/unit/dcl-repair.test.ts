import { describe, expect, it } from "vitest";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { suggestRepairs } from "@/lib/dcl/repair/suggest";
import { DriftInput } from "@/lib/dcl/repair/types";
import { normalizeType } from "@/lib/aam/schema/vendor-types";

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
        [
          ["Id", "id", ids],
          ["Amount", "currency", amounts],
          ["CloseDate", "date", dates],
        ],
        [
          ["Id", "id", ids],
          ["amount", "decimal(18,2)", amounts],
          ["close_date", "DATS", dates],
        ],
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
        [
          ["Id", "id", ids],
          ["Amount", "currency", amounts],
          ["Probability", "percent", [10, 50, 75, 90, 100]],
        ],
        [
          ["Id", "id", ids],
          ["amount_cents", "integer", [1200050, 80000, null, 430000, 9500000]],
          ["owner_email", "string", ["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test"]],
        ],
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

  it("lets the values decide between near-miss names", () => {
    const due = [100, 250, 75, 300, 40];
    const paid = [100, 0, 75, 150, 0];
    const plan = suggestRepairs(
      drift(
        [
          ["id", "string", ids],
          ["amount", "number", due],
        ],
        [
          ["id", "string", ids],
          ["amount_paid", "number", paid],
          ["amount_due", "number", due],
        ],
        { id: "invoice.invoice_id", amount: "invoice.amount" },
      ),
      BUILTIN_ONTOLOGY,
    );
    const r = byField(plan);
    expect(r.amount_due).toMatchObject({ target: "invoice.amount", from: "amount" });
    expect(r.amount_paid!.target).not.toBe("invoice.amount");
  });

  it("asks a person before keeping a mapping on a field of the same name whose values changed meaning", () => {
    const plan = suggestRepairs(
      drift(
        [
          ["id", "string", ids],
          ["owner", "string", ["ann", "bob", "cy", "di", "ed"]],
        ],
        [
          ["id", "string", ids],
          ["owner", "string", ["u-1", "u-2", "u-3", "u-4", "u-5"]],
        ],
        {
          id: "opportunity.opportunity_id",
          owner: "opportunity.owner",
        },
      ),
      BUILTIN_ONTOLOGY,
    );
    expect(byField(plan).owner).toMatchObject({ target: "opportunity.owner", apply: "review" });
    expect(byField(plan).owner!.reason).toMatch(/meaning may have changed/);
  });

  it("follows a field whose old name now holds another field's values", () => {
    const stages = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
    const forecast = ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"];
    const plan = suggestRepairs(
      drift(
        [
          ["Id", "id", ids],
          ["STAGE", "string", stages],
          ["FORECAST_CATEGORY", "string", forecast],
        ],
        [
          ["Id", "id", ids],
          ["STAGE", "string", forecast],
          ["STAGE_NAME", "string", stages],
        ],
        { Id: "opportunity.opportunity_id", STAGE: "opportunity.stage" },
      ),
      BUILTIN_ONTOLOGY,
    );
    const r = byField(plan);
    expect(r.STAGE_NAME).toMatchObject({ target: "opportunity.stage", from: "STAGE" });
    expect(r.STAGE).toMatchObject({ target: null, from: "FORECAST_CATEGORY" });
    expect(plan.removed).toEqual([]);
  });

  it("reads any vendor's type names", () => {
    expect(["varchar(255)", "picklist", "NUMC", "CUKY", "objectId", "reference"].map(normalizeType)).toEqual(Array(6).fill("string"));
    expect(["decimal(18,2)", "NUMBER(38,2)", "currency", "percent", "CURR", "double"].map(normalizeType)).toEqual(Array(6).fill("number"));
    expect(["NUMBER(38,0)", "bigint", "int32", "INT4", "Edm.Int64", "int unsigned"].map(normalizeType)).toEqual(Array(6).fill("integer"));
    expect(["DATS", "date"].map(normalizeType)).toEqual(["date", "date"]);
    expect(["datetime", "timestamp with time zone", "TIMESTAMP_NTZ", "timestamptz"].map(normalizeType)).toEqual(Array(4).fill("timestamp"));
    expect(["bool", "checkbox"].map(normalizeType)).toEqual(["boolean", "boolean"]);
  });

  it("keeps field names like Object.prototype's as data, and survives dates no calendar has", () => {
    const plan = suggestRepairs(
      drift(
        [
          ["constructor", "string", ["a", "b", "c"]],
          ["toString", "string", ["/Date(9000000000000000)/", "x", "y"]],
        ],
        [
          ["constructor", "string", ["a", "b", "c"]],
          ["valueOf", "string", ["/Date(9000000000000001)/", "x", "y"]],
        ],
        {},
      ),
      BUILTIN_ONTOLOGY,
    );
    expect(plan.repairs.map((r) => [r.field, r.target])).toEqual([
      ["constructor", null],
      ["valueOf", null],
    ]);
    expect(plan.removed).toEqual([]);
  });

  it("refuses input that is not a drift description, with the reason", () => {
    const bad = DriftInput.safeParse({
      source: "x",
      table: "t",
      before: { fields: [] },
      mappings: { a: "not a target" },
      after: { fields: [] },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["mappings.a", "after.fields"]));
    const twice = DriftInput.safeParse({
      source: "x",
      table: "t",
      before: { fields: [] },
      after: { fields: [{ name: "a" }, { name: "a" }] },
    });
    expect(twice.error!.issues[0]!.message).toBe("field names must be unique");
  });
});

describe("name similarity", () => {
  it("stays within [0, 1] when a word repeats on one side", async () => {
    const { nameSimilarity } = await import("@/lib/aam/drift/rename");
    expect(nameSimilarity("Contact_ContactID", "contact_id")).toBeLessThanOrEqual(1);
    expect(nameSimilarity("id_id_id", "id")).toBeLessThanOrEqual(1);
  });
});

describe("the repair agent on the drift corpus (tests/fixtures/drift)", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { DriftCase, evaluateRepairs } = await import("@/lib/dcl/repair/evaluate");
  const dir = "tests/fixtures/drift";
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => DriftCase.parse(JSON.parse(readFileSync(`${dir}/${f}`, "utf8"))));
  const holdout = cases.filter((c) => c.split === "holdout");

  it("holds at least 25 cases, at least a quarter of them held out", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(holdout.length).toBeGreaterThanOrEqual(cases.length / 4);
  });

  it("is right at least 98% of the time when it applies a repair on its own, tuned and held-out alike", () => {
    expect(evaluateRepairs(cases, BUILTIN_ONTOLOGY).autoPrecision).toBeGreaterThanOrEqual(0.98);
    expect(evaluateRepairs(holdout, BUILTIN_ONTOLOGY).autoPrecision).toBeGreaterThanOrEqual(0.98);
  });

  it("applies on its own at least the share of held-out changes the README states (89%)", () => {
    expect(evaluateRepairs(holdout, BUILTIN_ONTOLOGY).autoCoverage).toBeGreaterThanOrEqual(0.89);
  });
});
