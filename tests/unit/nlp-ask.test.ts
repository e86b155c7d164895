import { describe, expect, it } from "vitest";
import { extractiveAnswer } from "@/lib/nlp/ask/extractive";
import { relevantFigures } from "@/lib/nlp/ask/figures";
import { answerPrompt } from "@/lib/nlp/ask/prompt";
import type { Grounding } from "@/lib/nlp/ask/types";
import type { Figure } from "@/lib/nlp/personas/types";

const figure = (key: string, label: string, value: number | null, extra: Partial<Figure> = {}): Figure => ({
  key,
  label,
  value,
  unit: "money",
  currency: "USD",
  query: "SELECT 1",
  source: "views",
  asOf: null,
  demo: false,
  ...extra,
});
const FIGURES = [
  figure("collected_90d", "Collected (paid), last 90 days", 219_631.09),
  figure("invoiced_90d", "Invoiced (issued, not draft or void), last 90 days", 216_636.27),
  figure("dso_days", "DSO (receivables ÷ credit sales of 90 days × 90)", 17.5, { unit: "days" }),
  figure("cloud_spend_30d", "Cloud spend, last 30 days of cost data", null, { note: "no cost data" }),
];

describe("figures for a question", () => {
  it("takes the figures that hold most of the question's terms, not those sharing one word", () => {
    expect(relevantFigures("What is our DSO?", FIGURES).map((f) => [f.key, f.ref])).toEqual([["dso_days", "F1"]]);
    expect(relevantFigures("How much did we invoice in the last 90 days?", FIGURES).map((f) => f.key)).toEqual(["invoiced_90d"]);
    expect(relevantFigures("Within how many days are refunds paid?", FIGURES)).toEqual([]);
    // A figure with no value answers nothing.
    expect(relevantFigures("cloud spend", FIGURES)).toEqual([]);
  });
});

const grounding = (over: Partial<Grounding> = {}): Grounding => ({
  persona: "cfo",
  personaBy: "classifier",
  support: "answers",
  citations: [
    {
      n: 1,
      chunkId: "c1",
      document: { id: "d1", title: "Care policy" },
      heading: "Policy › Refunds",
      position: 0,
      coverage: 0.8,
      text: "Refunds go to the original card. They are paid within 14 days of a written request. Ask [PERSON_1].",
    },
  ],
  figures: [],
  demo: false,
  ...over,
});

describe("answers without a model", () => {
  it("quotes the passage's sentences that speak to the question, with their citation", () => {
    expect(extractiveAnswer("Within how many days are refunds paid?", grounding())).toEqual([
      "From your documents:",
      '- Care policy › Refunds: "Refunds go to the original card. They are paid within 14 days of a written request." [1]',
    ]);
  });

  it("says when passages are only related, and when nothing answers", () => {
    expect(extractiveAnswer("refund currency", grounding({ support: "related" }))[0]).toMatch(/closest/);
    expect(extractiveAnswer("SAML", grounding({ support: "none", citations: [] }))).toEqual([
      "I found nothing in your documents or data that answers this question.",
    ]);
  });

  it("labels demo figures as demo", () => {
    const demo = grounding({ figures: [{ ...FIGURES[2]!, demo: true, source: "demo", ref: "F1" }], demo: true });
    expect(extractiveAnswer("What is our DSO?", demo).slice(0, 2)).toEqual([
      "Demo figures:",
      "- DSO (receivables ÷ credit sales of 90 days × 90): 17.5 days (USD) [F1]",
    ]);
    expect(answerPrompt("What is our DSO?", demo)).toContain("Figures (demo data):\n[F1] DSO");
  });
});
