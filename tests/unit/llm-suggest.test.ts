import { describe, expect, it } from "vitest";
import { describeSamples, suggestWithLlm } from "@/lib/dcl/matcher/llm-suggest";
import { SourceTable } from "@/lib/dcl/matcher/types";
import { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { fakeLlmScope, llmAnswer, mockLlm } from "../support/llm";

const ontology = OntologyDefinition.parse({
  name: "test",
  version: "1",
  entities: [
    {
      name: "contact",
      description: "A person.",
      key: "contact_id",
      fields: [
        { name: "contact_id", type: "string", description: "The contact's id in its source." },
        { name: "email", type: "string", description: "Primary email address." },
        { name: "created_at", type: "timestamp", description: "When the contact was created." },
      ],
    },
    { name: "account", description: "A company.", key: "account_id", fields: [{ name: "account_id", type: "string" }] },
  ],
});

const table = SourceTable.parse({
  source: "hubspot",
  table: "contacts",
  fields: [
    { name: "id", type: "integer", samples: [4817, 5093, 6120] },
    { name: "email", samples: ["ada@lovelace.example", "grace@hopper.example"] },
    { name: "signup", type: "integer", samples: [1700000000, 1700500123] },
    { name: "nickname", samples: ["Countess", "Amazing Grace"] },
    { name: "notes", samples: ["Met at the Babbage demo"] },
    { name: "plan", samples: ["gold", "gold", "silver", "gold", "gold", "silver"] },
  ],
});

/** The model's raw answer: an out-of-range confidence, an unknown target, an unknown field and a target claimed twice. */
const answer = {
  entity: "contact",
  confidence: 0.85,
  mappings: [
    { field: "id", target: "contact.contact_id", confidence: 1.3 },
    { field: "email", target: "contact.email", confidence: 0.95 },
    { field: "signup", target: "contact.created_at", confidence: 0.7 },
    { field: "nickname", target: "contact.email", confidence: 0.4 },
    { field: "notes", target: "contact.shoe_size", confidence: 0.6 },
    { field: "favourite_colour", target: "account.account_id", confidence: 0.8 },
    { field: "plan", target: null, confidence: -0.3 },
  ],
};

function setup(reply: unknown) {
  const { rows, scope } = fakeLlmScope();
  const model = mockLlm(llmAnswer(reply, { input: 300, output: 80 }));
  return { rows, languageModel: model.languageModel, args: { scope, model, ontology, table } };
}

describe("suggestWithLlm", () => {
  it("keeps only known fields and targets, one field per target, with confidences in 0..1", async () => {
    const { rows, args } = setup(answer);
    expect(await suggestWithLlm(args)).toEqual({
      entity: "contact",
      confidence: 0.85,
      mappings: [
        { field: "id", target: "contact.contact_id", confidence: 1 },
        { field: "email", target: "contact.email", confidence: 0.95 },
        { field: "signup", target: "contact.created_at", confidence: 0.7 },
        { field: "nickname", target: null, confidence: 0 },
        { field: "notes", target: null, confidence: 0 },
        { field: "plan", target: null, confidence: 0 },
      ],
    });
    expect(rows).toEqual([expect.objectContaining({ purpose: "dcl.map", inputTokens: 300, outputTokens: 80, error: null })]);
  });

  it("answers no entity when the model names one the ontology does not have", async () => {
    const { args } = setup({ ...answer, entity: "lead" });
    expect(await suggestWithLlm(args)).toMatchObject({ entity: null, confidence: 0 });
  });

  it("sends names, types and value shapes, never a sample value", async () => {
    const { languageModel, args } = setup(answer);
    await suggestWithLlm(args);
    const sent = JSON.stringify(languageModel.doGenerateCalls[0].prompt);
    for (const value of table.fields.flatMap((f) => f.samples)) expect(sent).not.toContain(String(value));
    expect(sent).toContain("contact.created_at (timestamp): When the contact was created.");
    expect(sent).toContain('\\"email\\" (string): email addresses');
    expect(sent).toContain('\\"signup\\" (integer): 10-digit integers (epoch seconds?)');
    expect(sent).toContain('\\"plan\\" (string): short text, few distinct values');
  });
});

describe("describeSamples", () => {
  it.each<[unknown[], string]>([
    [[], "no sample values"],
    [["2024-05-01T10:00:00Z", "2024-05-02T11:30:00+02:00"], "ISO timestamps"],
    [["2024-05-01"], "ISO dates"],
    [[1700000000123], "13-digit integers (epoch milliseconds?)"],
    [["USD", "EUR"], "3-letter currency codes"],
    [[0.25, 0.5], "decimals between 0 and 1"],
    [[12.5, 98000.75], "decimals up to ~1e4"],
    [[3, 14, 159], "integers under 1,000"],
    [[true, false], "booleans"],
    [[{ a: 1 }], "JSON objects"],
    [["hello", null], "short text, some empty"],
  ])("%j reads as %s", (samples, expected) => {
    expect(describeSamples(samples as never)).toBe(expected);
  });
});
