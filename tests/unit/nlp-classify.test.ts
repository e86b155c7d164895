import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyPersona } from "@/lib/nlp/classify/classify-persona";
import { routeQuestion } from "@/lib/nlp/classify/route-question";

type Question = { text: string; persona: string; split: "tune" | "holdout" };
const { questions } = JSON.parse(readFileSync("tests/fixtures/nlp/questions.json", "utf8")) as { questions: Question[] };
const accuracy = (qs: Question[]) => qs.filter((q) => classifyPersona(q.text).persona === q.persona).length / qs.length;

describe("the offline persona classifier", () => {
  it("has a labelled set of at least 60 questions, about 70/30 tune/holdout, every persona in both", () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    const holdout = questions.filter((q) => q.split === "holdout");
    expect(holdout.length / questions.length).toBeGreaterThan(0.25);
    for (const persona of ["cfo", "cro", "coo", "cto"])
      for (const split of ["tune", "holdout"]) expect(questions.some((q) => q.persona === persona && q.split === split)).toBe(true);
  });

  // Measured: 19/20 held out (one COO question too close to call). The floor leaves room for one more miss.
  it("routes at least 85% of the held-out questions to the right persona", () => {
    expect(accuracy(questions.filter((q) => q.split === "holdout"))).toBeGreaterThanOrEqual(0.85);
  });

  it("answers unknown when nothing matches or two personas tie", () => {
    expect(classifyPersona("hello there").persona).toBe("unknown");
    expect(classifyPersona("invoice pipeline").persona).toBe("unknown");
  });

  it("scores phrases above single words and reports every persona's score", () => {
    const guess = classifyPersona("What is the weighted pipeline and win rate?");
    expect(guess.persona).toBe("cro");
    expect(guess.scores.cro).toBeGreaterThan(guess.scores.cfo);
    expect(guess.confidence).toBeGreaterThan(0.5);
  });

  it("lets an explicit persona win over the classifier", () => {
    expect(routeQuestion({ question: "What is our DSO?" })).toMatchObject({ persona: "cfo", by: "classifier" });
    expect(routeQuestion({ question: "What is our DSO?", persona: "cto" })).toMatchObject({
      persona: "cto",
      by: "explicit",
      confidence: 1,
    });
  });
});
