import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { reviewWithLlm } from "@/lib/dcl/repair/llm-review";
import { suggestRepairs } from "@/lib/dcl/repair/suggest";
import { DriftInput, type RepairPlan, type RepairThresholds } from "@/lib/dcl/repair/types";
import { fakeLlmScope, llmAnswer, mockLlm, type DoGenerate } from "../support/llm";

const ids = ["C-1001", "C-1002", "C-1003", "C-1004", "C-1005"];
const emails = ["ada@lovelace.example", "grace@hopper.example", "alan@turing.example", "edsger@dijkstra.example", "barbara@liskov.example"];
const signups = ["2025-01-15T09:30:00Z", "2025-02-01T14:00:00Z", "2025-03-31T08:15:00Z", "2025-04-02T17:45:00Z", "2025-06-30T12:00:00Z"];
const phones = ["+44 20 7946 0001", "+1 415 555 0100", "+33 1 23 45 67 89", "+49 30 1234567", "+81 3 1234 5678"];
const tiers = ["Gold", "Silver", "Bronze", "Gold", "Platinum"];

/** `email` became `email_address` and `signup` became `created_on` (values aligned); `phone` now holds a tier. */
const input = DriftInput.parse({
  source: "hubspot",
  table: "customers",
  before: {
    fields: [
      { name: "id", type: "string", samples: ids },
      { name: "email", type: "string", samples: emails },
      { name: "signup", type: "datetime", samples: signups },
      { name: "phone", type: "string", samples: phones },
    ],
  },
  mappings: { id: "contact.contact_id", email: "contact.email", signup: "contact.created_at", phone: "contact.phone" },
  after: {
    fields: [
      { name: "id", type: "string", samples: ids },
      { name: "email_address", type: "string", samples: emails },
      { name: "created_on", type: "datetime", samples: signups },
      { name: "phone", type: "string", samples: tiers },
    ],
  },
});
/** Fixed here (not the defaults, which calibration may move): the merge rule is what is tested. */
const THRESHOLDS: RepairThresholds = { auto: 0.8, review: 0.5 };
const plan = suggestRepairs(input, BUILTIN_ONTOLOGY, THRESHOLDS);
const sampleValues = [...input.before.fields, ...input.after.fields].flatMap((f) => f.samples.map(String));

function review(doGenerate: DoGenerate, args: { plan?: RepairPlan; timeoutMs?: number } = {}) {
  const { rows, scope } = fakeLlmScope();
  const model = mockLlm(doGenerate);
  const result = reviewWithLlm({
    scope,
    model,
    input,
    plan: args.plan ?? plan,
    ontology: BUILTIN_ONTOLOGY,
    thresholds: THRESHOLDS,
    timeoutMs: args.timeoutMs,
  });
  return { rows, calls: model.languageModel.doGenerateCalls, result };
}
const byField = (p: RepairPlan) => Object.fromEntries(p.repairs.map((r) => [r.field, r]));
const before = byField(plan);

describe("reviewWithLlm", () => {
  it("starts from a plan with two renames and a kept mapping whose values changed", () => {
    expect(before.id).toMatchObject({ kind: "keep", apply: "auto" });
    expect(before.email_address).toMatchObject({ kind: "rename", from: "email", target: "contact.email", apply: "auto" });
    expect(before.created_on).toMatchObject({ kind: "rename", from: "signup", target: "contact.created_at", apply: "review" });
    expect(before.phone).toMatchObject({ kind: "keep", target: "contact.phone", apply: "review" });
  });

  it("raises the confidence of decisions the model agrees with by at most 0.1, in one call that shows shapes, not values", async () => {
    const { rows, calls, result } = review(
      llmAnswer({
        fields: [
          { field: "email_address", from: "email", target: "contact.email", confidence: 1.3 },
          { field: "created_on", from: "signup", target: "contact.created_at", confidence: 0.9 },
          { field: "phone", from: "phone", target: "contact.phone", confidence: 0.9 },
        ],
      }),
    );
    const reviewed = await result;
    const r = byField(reviewed);
    expect(reviewed.llm).toBe("agreed");
    // The model's 1.3 counts as 1: 0.95 + 0.5 * 0.05 * 1.
    expect(r.email_address).toMatchObject({ confidence: 0.975, apply: "auto" });
    expect(r.created_on).toMatchObject({ confidence: 0.85, apply: "auto" });
    expect(r.phone).toMatchObject({ confidence: 0.6, apply: "review" });
    expect(r.created_on!.reason).toBe(`${before.created_on!.reason}; the model agrees`);
    expect(r.id).toEqual(before.id);
    for (const field of ["email_address", "created_on", "phone"])
      expect(r[field]!.confidence - before[field]!.confidence).toBeLessThanOrEqual(0.1 + 1e-9);

    expect(calls).toHaveLength(1);
    expect(rows).toEqual([expect.objectContaining({ purpose: "dcl.repair", error: null })]);
    const sent = JSON.stringify(calls[0]!.prompt);
    for (const value of sampleValues) expect(sent).not.toContain(value);
    expect(sent).toContain('\\"email\\" (string): email addresses');
    expect(sent).toContain('\\"created_on\\" (datetime): ISO timestamps');
    expect(sent).toContain('\\"signup\\" -> contact.created_at');
    expect(sent).toContain('\\"created_on\\": continues \\"signup\\", maps to contact.created_at; renamed from signup');
    expect(sent).toContain("contact.created_at (timestamp)");
    expect(sent).not.toContain('\\"id\\": continues');
  });

  it("never auto-applies against the model's word, and says what it suggested", async () => {
    const { result } = review(
      llmAnswer({
        fields: [
          { field: "email_address", from: null, target: "contact.email", confidence: 0.9 },
          { field: "created_on", from: "signup", target: null, confidence: 0.8 },
          { field: "phone", from: "phone", target: "contact.shoe_size", confidence: 0.7 },
          { field: "favourite_colour", from: null, target: "contact.title", confidence: 0.9 },
        ],
      }),
    );
    const reviewed = await result;
    const r = byField(reviewed);
    expect(reviewed.llm).toBe("consulted");
    expect(r.email_address).toMatchObject({ confidence: 0.79, apply: "review" });
    expect(r.email_address!.reason).toMatch(/; the model suggests contact\.email from no old field$/);
    expect(r.created_on).toMatchObject({ confidence: before.created_on!.confidence, apply: "review" });
    expect(r.created_on!.reason).toMatch(/; the model suggests no mapping$/);
    // A target the ontology does not have reads as no mapping.
    expect(r.phone!.reason).toMatch(/; the model suggests no mapping$/);
    expect(reviewed.repairs.map((x) => x.field)).toEqual(plan.repairs.map((x) => x.field));
    expect(reviewed.repairs.filter((x) => x.apply === "auto").map((x) => x.field)).toEqual(["id"]);
  });

  it("leaves a field the model did not answer unchanged", async () => {
    const { result } = review(llmAnswer({ fields: [{ field: "email_address", from: "email", target: "contact.email", confidence: 0.9 }] }));
    const reviewed = await result;
    expect(reviewed.llm).toBe("consulted");
    expect(byField(reviewed).created_on).toEqual(before.created_on);
  });

  it.each<[string, DoGenerate, string]>([
    ["the model never answers", () => new Promise(() => {}), "timeout"],
    ["the answer is malformed JSON", llmAnswer('{"fields": [{"field": "email_address",'), "invalid_output"],
    ["the model refuses", llmAnswer("I can't help with that."), "invalid_output"],
    [
      "the provider rejects the call",
      async () => {
        throw new APICallError({ message: "Incorrect API key", url: "https://api.example/v1", requestBodyValues: {}, statusCode: 401 });
      },
      "provider_error",
    ],
    [
      "the provider is down",
      async () => {
        throw new Error("connect ECONNREFUSED");
      },
      "provider_error",
    ],
  ])("falls back to the plan, slightly more careful, when %s", async (_case, doGenerate, kind) => {
    const { calls, result } = review(doGenerate, { timeoutMs: 50 });
    const reviewed = await result;
    expect(reviewed.llm).toBe("unavailable");
    const r = byField(reviewed);
    expect(r.id).toEqual(before.id);
    for (const field of ["email_address", "created_on", "phone"]) {
      expect(r[field]!.confidence).toBe(Math.round(before[field]!.confidence * 0.95 * 1000) / 1000);
      expect(r[field]!.reason).toBe(`${before[field]!.reason}; model unavailable (${kind})`);
    }
    expect(r.email_address!.apply).toBe("auto");
    expect(r.created_on!.apply).toBe("review");
    expect(r.phone!.apply).toBe("report");
    const sent = JSON.stringify(calls[0]!.prompt);
    for (const value of sampleValues) expect(sent).not.toContain(value);
  });

  it("asks nothing when every decision is a confident keep", async () => {
    const unchanged = DriftInput.parse({ ...input, after: input.before });
    const quiet = suggestRepairs(unchanged, BUILTIN_ONTOLOGY);
    const { calls, rows, result } = review(llmAnswer({ fields: [] }), { plan: quiet });
    expect(await result).toEqual({ ...quiet, llm: "skipped" });
    expect(calls).toHaveLength(0);
    expect(rows).toHaveLength(0);
  });
});
