import { describe, expect, it } from "vitest";
import { filterUniverse, sourceKey, tableKey, type UniverseSource, type UniverseTable } from "@/lib/discover/universe";

const table = (name: string, entity: string | null, fields: [string, string, string | null][]): UniverseTable => ({
  name,
  entity,
  state: entity ? "mapped" : "unmapped",
  fieldCount: fields.length,
  fields: fields.map(([f, type, target]) => ({ name: f, type, target, state: target ? "mapped" : "unmapped" })),
});

const crm: UniverseSource = {
  id: "c1",
  name: "CRM export",
  typeLabel: "Files (CSV, JSON Lines)",
  tables: [
    table("crm_opportunities.csv", "opportunity", [
      ["Opportunity ID", "string", "opportunity.opportunity_id"],
      ["Probability (%)", "integer", "opportunity.probability"],
      ["Amount", "number", "opportunity.amount"],
    ]),
    table("crm_accounts.csv", "account", [
      ["Id", "string", "account.account_id"],
      ["Website", "string", "account.domain"],
    ]),
  ],
};
const billing: UniverseSource = {
  id: "c2",
  name: "Billing DB",
  typeLabel: "PostgreSQL / Supabase",
  tables: [
    table("invoices", "invoice", [
      ["amount_due", "integer", "invoice.amount"],
      ["memo", "text", null],
    ]),
  ],
};
const sources = [crm, billing];

describe("filterUniverse", () => {
  it("shows everything and opens nothing without a query", () => {
    const match = filterUniverse(sources, "  ");
    expect(match.sources).toBe(sources);
    expect(match.open.size).toBe(0);
    expect({ tables: match.tables, fields: match.fields }).toEqual({ tables: 3, fields: 7 });
  });

  it("finds a field by its name, case-insensitively, keeps only matching fields and opens its source and table", () => {
    const match = filterUniverse(sources, "probability (%)");
    expect(match.sources.map((s) => s.name)).toEqual(["CRM export"]);
    expect(match.sources[0].tables.map((t) => [t.name, t.fieldCount, t.fields.map((f) => f.name)])).toEqual([
      ["crm_opportunities.csv", 3, ["Probability (%)"]],
    ]);
    expect(match.open).toEqual(new Set([sourceKey(crm), tableKey(crm, crm.tables[0])]));
    expect(match.fields).toBe(1);
  });

  it("finds fields by their canonical target or type, across sources", () => {
    expect(filterUniverse(sources, "amount").sources.flatMap((s) => s.tables.flatMap((t) => t.fields.map((f) => f.name)))).toEqual([
      "Amount",
      "amount_due",
    ]);
    expect(filterUniverse(sources, "account.domain").sources[0].tables[0].fields.map((f) => f.name)).toEqual(["Website"]);
    expect(filterUniverse(sources, "text").sources.map((s) => s.name)).toEqual(["Billing DB"]);
  });

  it("keeps every field of a table whose name matches, and needs every word to match somewhere along the path", () => {
    const byTable = filterUniverse(sources, "crm_accounts");
    expect(byTable.sources[0].tables).toEqual([crm.tables[1]]);
    expect(filterUniverse(sources, "billing amount").sources.flatMap((s) => s.tables.flatMap((t) => t.fields.map((f) => f.name)))).toEqual([
      "amount_due",
    ]);
    expect(filterUniverse(sources, "billing probability").sources).toEqual([]);
  });

  it("keeps a whole source when its name matches, opening the source but none of its tables", () => {
    const match = filterUniverse(sources, "postgresql");
    expect(match.sources).toEqual([billing]);
    expect(match.open).toEqual(new Set([sourceKey(billing)]));
  });
});
