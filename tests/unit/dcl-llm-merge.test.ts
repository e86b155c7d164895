import { describe, expect, it } from "vitest";
import { suggestMapping } from "@/lib/dcl/matcher/suggest";
import { matchTable } from "@/lib/dcl/matcher/match-table";
import { SourceTable } from "@/lib/dcl/matcher/types";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { fakeLlmScope, llmAnswer, mockLlm } from "../support/llm";

/** German ERP headers: the offline matcher finds the entity from the obvious fields but cannot place "Geschäftsvolumen". */
const table = SourceTable.parse({
  source: "erp",
  table: "accounts",
  fields: [
    { name: "Id", samples: ["K-1", "K-2", "K-3"] },
    { name: "Account Name", samples: ["Acme GmbH", "Globex AG"] },
    { name: "Website", samples: ["acme.de", "globex.ch"] },
    { name: "Geschäftsvolumen", type: "number", samples: [1200000, 5400000] },
    { name: "Bemerkung", samples: ["rückruf", "VIP"] },
  ],
});

function model(reply: unknown) {
  const { rows, scope } = fakeLlmScope();
  const llm = mockLlm(async () => {
    if (reply instanceof Error) throw reply;
    return llmAnswer(reply, { input: 900, output: 120 });
  });
  return { rows, scope, llm };
}

const reply = {
  entity: "account",
  confidence: 0.9,
  mappings: [
    { field: "Id", target: "account.account_id", confidence: 0.9 },
    { field: "Account Name", target: "account.name", confidence: 0.95 },
    { field: "Website", target: "account.domain", confidence: 0.9 },
    { field: "Geschäftsvolumen", target: "account.annual_revenue", confidence: 0.92 },
    { field: "Bemerkung", target: null, confidence: 0.8 },
  ],
};

describe("offline matcher improved by an LLM", () => {
  it("takes the LLM's answer where the offline matcher had none, capped below auto-approval, and counts the tokens", async () => {
    const offline = matchTable(table, BUILTIN_ONTOLOGY);
    expect(offline.mappings.find((m) => m.field === "Geschäftsvolumen")!.target).toBeNull();
    const { rows, scope, llm } = model(reply);
    const merged = await suggestMapping(scope, table, BUILTIN_ONTOLOGY, { model: llm });
    const volume = merged.mappings.find((m) => m.field === "Geschäftsvolumen")!;
    expect(volume).toMatchObject({ target: "account.annual_revenue", method: "llm" });
    expect(volume.confidence).toBeLessThan(0.9);
    // Agreement keeps the offline method and never lowers confidence.
    const name = merged.mappings.find((m) => m.field === "Account Name")!;
    expect(name.method).toBe(offline.mappings.find((m) => m.field === "Account Name")!.method);
    expect(name.confidence).toBeGreaterThanOrEqual(offline.mappings.find((m) => m.field === "Account Name")!.confidence);
    expect(rows).toEqual([
      expect.objectContaining({ provider: "mock", model: "mock-1", inputTokens: 900, outputTokens: 120, error: null }),
    ]);
  });

  it("does not let the LLM move a table to another entity or take a target twice", async () => {
    const { scope, llm } = model({
      ...reply,
      entity: "contact",
      mappings: [{ field: "Id", target: "contact.contact_id", confidence: 0.99 }],
    });
    expect(await suggestMapping(scope, table, BUILTIN_ONTOLOGY, { model: llm })).toEqual(matchTable(table, BUILTIN_ONTOLOGY));
    const twice = model({ ...reply, mappings: [{ field: "Bemerkung", target: "account.name", confidence: 0.99 }] });
    const merged = await suggestMapping(twice.scope, table, BUILTIN_ONTOLOGY, { model: twice.llm });
    expect(merged.mappings.filter((m) => m.target === "account.name")).toHaveLength(1);
  });

  it("falls back to the offline answer when the model fails, and records the failure", async () => {
    const { rows, scope, llm } = model(new Error("upstream 500"));
    expect(await suggestMapping(scope, table, BUILTIN_ONTOLOGY, { model: llm })).toEqual(matchTable(table, BUILTIN_ONTOLOGY));
    expect(rows).toEqual([expect.objectContaining({ error: "provider_error" })]);
  });
});
