import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateMatcher, LabeledTable } from "@/lib/dcl/matcher/evaluate";
import { matchTable } from "@/lib/dcl/matcher/match-table";
import { tokenize } from "@/lib/dcl/matcher/tokens";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { OntologyDefinition } from "@/lib/dcl/ontology/definition";

const dir = path.resolve(import.meta.dirname, "../fixtures/dcl/schemas");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => LabeledTable.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
const fixture = (table: string) => fixtures.find((f) => f.table === table)!;
const targets = (table: LabeledTable) => Object.fromEntries(matchTable(table, BUILTIN_ONTOLOGY).mappings.map((m) => [m.field, m.target]));

describe("matcher names", () => {
  it("normalizes case, separators, abbreviations and plurals to the same words", () => {
    expect(tokenize("Account Name")).toEqual(["account", "name"]);
    expect(tokenize("accountName")).toEqual(["account", "name"]);
    expect(tokenize("ACCT_NM")).toEqual(["account", "name"]);
    expect(tokenize("lineItem/UnblendedCost")).toEqual(["line", "item", "unblended", "cost"]);
    expect(tokenize("Probability (%)")).toEqual(["probability", "percent"]);
    expect(tokenize("名前")).toEqual(["名前"]);
  });
});

describe("matcher on the demo sources", () => {
  for (const table of fixtures.filter((f) => f.source === "demo files")) {
    it(`maps ${table.table} entirely right`, () => {
      const result = matchTable(table, BUILTIN_ONTOLOGY);
      expect(result.entity).toBe(table.expected.entity);
      expect(targets(table)).toEqual(table.expected.mappings);
    });
  }

  it("proposes the conversions the values need", () => {
    const transforms = (table: string) =>
      Object.fromEntries(
        matchTable(fixture(table), BUILTIN_ONTOLOGY)
          .mappings.filter((m) => m.transform)
          .map((m) => [m.field, m.transform]),
      );
    expect(transforms("billing_invoices.csv")).toEqual({
      amount_due: "minor_units",
      created: "epoch_seconds",
      due_date: "epoch_seconds",
      paid_at: "epoch_seconds",
    });
    expect(transforms("crm_opportunities.csv")).toEqual({ "Probability (%)": "percent_to_fraction" });
    // HubSpot's probability is already a fraction; its amounts are major units.
    expect(transforms("deals")).not.toHaveProperty("hs_deal_stage_probability");
    expect(transforms("deals")).not.toHaveProperty("amount");
  });
});

describe("matcher on exports shaped like real CRM, billing and cloud-cost systems", () => {
  const result = evaluateMatcher(fixtures, BUILTIN_ONTOLOGY);

  it("chooses the right entity for every table, and none for a table that is no entity", () => {
    expect(result.entityAccuracy).toBe(1);
    expect(matchTable(fixture("tickets"), BUILTIN_ONTOLOGY).mappings.every((m) => m.target === null)).toBe(true);
  });

  it("keeps precision and recall above 95% overall and 85% for every entity", () => {
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.95);
    for (const e of result.entities)
      expect([e.entity, e.precision, e.recall]).toEqual([
        e.entity,
        expect.toSatisfy((p: number) => p >= 0.85),
        expect.toSatisfy((r: number) => r >= 0.85),
      ]);
  });

  it("is right at least 97% of the time when it says 0.9 or more, which is what auto-approval relies on", () => {
    const sure = result.calibration.filter((b) => b.from >= 0.9);
    const [n, right] = sure.reduce(([a, b], bin) => [a + bin.mappings, b + bin.correct], [0, 0]);
    expect(n).toBeGreaterThan(100);
    expect(right / n).toBeGreaterThanOrEqual(0.97);
  });

  it("maps unfamiliar legacy names (CUST_NM, ANN_REV_AMT, win_pct) without an LLM", () => {
    expect(targets(fixture("CUST_MASTER"))).toEqual(fixture("CUST_MASTER").expected.mappings);
    expect(targets(fixture("tbl_deal"))).toEqual(fixture("tbl_deal").expected.mappings);
  });

  it("never proposes one target for two fields", () => {
    for (const table of fixtures) {
      const used = matchTable(table, BUILTIN_ONTOLOGY)
        .mappings.map((m) => m.target)
        .filter(Boolean);
      expect(new Set(used).size, table.table).toBe(used.length);
    }
  });
});

describe("matcher memory and custom ontologies", () => {
  it("follows what the tenant approved before for a name it could not place", () => {
    const table = {
      source: "erp",
      table: "customers",
      fields: [
        { name: "Kürzel", type: "string", samples: ["K-1001", "K-1002"] },
        { name: "Benennung", type: "string", samples: ["Acme GmbH"] },
      ],
    };
    expect(matchTable(table, BUILTIN_ONTOLOGY).mappings.map((m) => m.target)).toEqual([null, null]);
    const priors = [
      { sourceField: "kuerzel", target: "account.account_id" },
      { sourceField: "BENENNUNG", target: "account.name" },
    ];
    const remembered = matchTable(table, BUILTIN_ONTOLOGY, { priors });
    expect(remembered.entity).toBe("account");
    expect(remembered.mappings.map((m) => [m.target, m.method])).toEqual([
      ["account.account_id", "prior"],
      ["account.name", "prior"],
    ]);
  });

  it("matches against a different target definition", () => {
    const ontology = OntologyDefinition.parse({
      name: "support",
      version: "1",
      entities: [
        {
          name: "ticket",
          aliases: ["tickets", "issue"],
          key: "ticket_id",
          fields: [
            { name: "ticket_id", type: "string", semantic: "identifier", aliases: ["id"] },
            { name: "subject", type: "string", aliases: ["title", "summary"] },
            { name: "priority", type: "string", semantic: "category" },
            { name: "opened_at", type: "timestamp", semantic: "created", aliases: ["created at"] },
          ],
        },
      ],
    });
    const result = matchTable(fixture("tickets"), ontology);
    expect(result.entity).toBe("ticket");
    expect(Object.fromEntries(result.mappings.filter((m) => m.target).map((m) => [m.field, m.target]))).toEqual({
      id: "ticket.ticket_id",
      subject: "ticket.subject",
      priority: "ticket.priority",
      created_at: "ticket.opened_at",
    });
  });
});
