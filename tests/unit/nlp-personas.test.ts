import { describe, expect, it, vi } from "vitest";
import { demoSummary } from "@/lib/nlp/personas/demo";
import { narrate, narrativePrompt, templateNarrative } from "@/lib/nlp/personas/narrative";
import type { Figure, Highlight } from "@/lib/nlp/personas/types";
import { fakeLlmScope, llmAnswer, mockLlm } from "../support/llm";

const base = { query: "SELECT 1", source: "views", asOf: "2026-11-01T00:00:00.000Z", demo: false } as const;
const figures: Figure[] = [
  {
    ...base,
    key: "weighted_by_stage",
    label: "Weighted pipeline by stage",
    unit: "money",
    currency: "USD",
    dimension: { stage: "Negotiation" },
    value: 120500.5,
  },
  { ...base, key: "win_rate", label: "Win rate", unit: "ratio", value: 0.3125 },
  { ...base, key: "dso_days", label: "DSO", unit: "days", currency: "EUR", value: 47.25 },
  { ...base, key: "stalled_deals", label: "Stalled deals", unit: "count", value: 9 },
  { ...base, key: "coverage", label: "Coverage", unit: "ratio", value: null, note: "no period target is set" },
];
const highlights: Highlight[] = [
  {
    kind: "stalled_deal",
    title: "Deal Acme Corp - Renewal owned by Dana Whitfield is stalled",
    severity: "high",
    impact: { amount: 120000, currency: "USD", per: "once" },
    source: "live",
  },
];

describe("persona narratives", () => {
  it("writes the same template for the same figures: every figure, then the top findings", () => {
    expect(templateNarrative("cro", figures, highlights, false)).toBe(
      [
        "Chief Revenue Officer summary.",
        "- Weighted pipeline by stage [stage: Negotiation]: USD 120,500.50",
        "- Win rate: 31.3%",
        "- DSO: 47.3 days (EUR)",
        "- Stalled deals: 9",
        "- Coverage: n/a (no period target is set)",
        "Most at stake:",
        "1. Deal Acme Corp - Renewal owned by Dana Whitfield is stalled",
      ].join("\n"),
    );
  });

  it("sends the model the figures and the findings' kind, severity and money only: no titles, names or rows", async () => {
    const prompts: string[] = [];
    const model = mockLlm(async (options) => {
      prompts.push(JSON.stringify(options.prompt));
      return llmAnswer({ narrative: "Pipeline is healthy." });
    });
    const { scope } = fakeLlmScope();
    const narrative = await narrate(scope, "cro", figures, highlights, model);
    expect(narrative).toEqual({ text: "Pipeline is healthy.", by: "llm" });
    expect(narrativePrompt("cro", figures, highlights)).toBe(
      [
        "Figures for the Chief Revenue Officer:",
        "- Weighted pipeline by stage [stage: Negotiation]: USD 120,500.50",
        "- Win rate: 31.3%",
        "- DSO: 47.3 days (EUR)",
        "- Stalled deals: 9",
        "- Coverage: n/a (no period target is set)",
        "Top findings (kind, severity, money):",
        "1. stalled_deal, high, USD 120,000",
      ].join("\n"),
    );
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain("Weighted pipeline by stage [stage: Negotiation]: USD 120,500.50");
    for (const secret of ["Acme", "Dana", "Whitfield", "SELECT"]) expect(prompts[0]).not.toContain(secret);
  });

  it("falls back to the template when the model fails", async () => {
    const model = mockLlm(async () => {
      throw new Error("provider down");
    });
    const { scope } = fakeLlmScope();
    expect(await narrate(scope, "cro", figures, highlights, model)).toEqual({
      text: templateNarrative("cro", figures, highlights, false),
      by: "template",
    });
  });
});

describe("demo summaries", () => {
  it("are the same every time and labelled demo throughout", () => {
    vi.useFakeTimers({ now: new Date("2026-11-02T00:00:00Z") });
    try {
      for (const persona of ["cfo", "cro", "coo", "cto"] as const) {
        const summary = demoSummary(persona);
        expect(summary).toEqual(demoSummary(persona));
        expect(summary.demo).toBe(true);
        expect(summary.figures.length).toBeGreaterThan(3);
        expect(summary.figures.every((f) => f.demo && f.source === "demo")).toBe(true);
        expect(summary.narrative.text.startsWith("Demo: ")).toBe(true);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
