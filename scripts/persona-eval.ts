/**
 * Accuracy of the offline persona classifier on tests/fixtures/nlp/questions.json, per persona, for
 * the tune split (vocabularies were tuned on it) and the holdout split (never tuned on).
 * Run: npm run persona:eval
 */
import { readFileSync } from "node:fs";
import { classifyPersona } from "@/lib/nlp/classify/classify-persona";
import { PERSONA_IDS } from "@/lib/nlp/personas/registry";

type Question = { text: string; persona: string; split: "tune" | "holdout" };
const { questions } = JSON.parse(readFileSync("tests/fixtures/nlp/questions.json", "utf8")) as { questions: Question[] };

for (const split of ["tune", "holdout"] as const) {
  const set = questions.filter((q) => q.split === split);
  const right = (qs: Question[]) => qs.filter((q) => classifyPersona(q.text).persona === q.persona).length;
  console.log(`${split}: ${right(set)}/${set.length} = ${((right(set) / set.length) * 100).toFixed(1)}%`);
  for (const persona of PERSONA_IDS) {
    const mine = set.filter((q) => q.persona === persona);
    console.log(`  ${persona}: ${right(mine)}/${mine.length}`);
  }
  for (const q of set) {
    const guess = classifyPersona(q.text);
    if (guess.persona !== q.persona) console.log(`  miss (${q.persona} -> ${guess.persona}): ${q.text} ${JSON.stringify(guess.scores)}`);
  }
}
