import { describe, expect, it } from "vitest";
import { narrate, templateNarrative } from "@/lib/agents/narrative";
import type { FindingDraft } from "@/lib/agents/types";
import { fakeLlmScope, llmAnswer, mockLlm } from "../support/llm";

const finding = (over: Partial<FindingDraft>): FindingDraft => ({
  key: "k",
  kind: "stalled_deal",
  title: "Acme Corp renewal, owner Priya Raman: no change in 90 days",
  summary: "Call priya@acme.example",
  severity: "high",
  impact: { amount: 120_000, currency: "USD", per: "once" },
  window: null,
  sql: "SELECT 1",
  rows: [{ owner: "Priya Raman" }],
  entities: ["opportunity"],
  ...over,
});
const findings = [
  finding({ key: "a" }),
  finding({ key: "b", kind: "overdue_invoice", severity: "medium", impact: { amount: 4362.45, currency: "EUR", per: "once" } }),
];

describe("agent narratives", () => {
  it("without a model: the same summary every time, with counts and the money at stake", async () => {
    const text = templateNarrative("RevOps agent", findings);
    expect(text).toBe(
      [
        "RevOps agent: 2 finding(s), 1 high, 1 medium.",
        "Most at stake:",
        "1. Acme Corp renewal, owner Priya Raman: no change in 90 days (USD 120,000).",
        "2. Acme Corp renewal, owner Priya Raman: no change in 90 days (EUR 4,362).",
      ].join("\n"),
    );
    expect(templateNarrative("RevOps agent", [])).toBe("RevOps agent: nothing to act on in the current views.");
    const { scope } = fakeLlmScope();
    expect(await narrate(scope, "RevOps agent", findings, null)).toMatchObject({ text, by: "template", inputTokens: 0 });
  });

  it("with a model: it sees kinds, severities and money only, never names or rows, and its tokens are counted", async () => {
    const { scope, rows } = fakeLlmScope();
    const model = mockLlm(async () =>
      llmAnswer({ narrative: "Two items need attention; start with the stalled USD 120,000 deal." }, { input: 40, output: 15 }),
    );
    const out = await narrate(scope, "RevOps agent", findings, model);
    expect(out).toEqual({
      text: "Two items need attention; start with the stalled USD 120,000 deal.",
      by: "llm",
      inputTokens: 40,
      outputTokens: 15,
      model: "mock/mock-1",
    });
    const sent = JSON.stringify(model.languageModel.doGenerateCalls[0]!.prompt);
    for (const secret of ["Acme", "Priya", "acme.example", "SELECT"]) expect(sent).not.toContain(secret);
    expect(sent).toContain("stalled_deal, high, USD 120,000");
    expect(rows).toEqual([expect.objectContaining({ purpose: "agents.narrative", error: null })]);
  });

  it("falls back to the template when the model fails", async () => {
    const { scope } = fakeLlmScope();
    const model = mockLlm(async () => {
      throw new Error("provider down");
    });
    expect(await narrate(scope, "RevOps agent", findings, model)).toMatchObject({
      by: "template",
      text: templateNarrative("RevOps agent", findings),
    });
  });
});
