/**
 * Prints the PII redactor's precision and recall per type, span-exact and by overlap, over
 * hand-labelled texts: tests/fixtures/pii/tune.json (the set the detectors were tuned on) and
 * tests/fixtures/pii/holdout.json (never used for tuning).
 * Run: npm run pii:eval [-- --set tune|holdout] [--misses]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateCorpus, LabeledCorpus, type Score, type TypeScore } from "@/lib/nlp/redact/evaluate";
import { PII_TYPES } from "@/lib/nlp/redact";

const at = process.argv.indexOf("--set");
const sets = at > 0 ? [process.argv[at + 1]] : ["tune", "holdout"];
for (const set of sets) report(set);

function report(set: string) {
  const corpus = LabeledCorpus.parse(JSON.parse(readFileSync(join(import.meta.dirname, "../tests/fixtures/pii", `${set}.json`), "utf8")));
  const result = evaluateCorpus(corpus);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const cells = (s: Score) =>
    `${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)} ${pct(s.precision)} ${pct(s.recall)}`;
  const row = (name: string, s: TypeScore) => console.log(`${name.padEnd(15)} ${cells(s.exact)}   | ${cells(s.overlap)}`);
  console.log(
    `\n== ${set}: ${corpus.items.length} texts, ${result.covered.spans} labelled spans, ${result.lookalikes.total} look-alikes\n`,
  );
  console.log(`${"".padEnd(15)} ${"span-exact".padEnd(29)}   | overlap`);
  console.log(`${"type".padEnd(15)}   TP  FP  FN    prec  recall   |   TP  FP  FN    prec  recall`);
  for (const type of PII_TYPES)
    if (
      result.perType[type].exact.truePositives + result.perType[type].exact.falsePositives + result.perType[type].exact.falseNegatives >
      0
    )
      row(type, result.perType[type]);
  console.log("");
  row("national ids", result.nationalIds);
  row("STRUCTURED", result.structured);
  row("ALL", result.all);
  console.log(
    `\nlabelled spans hidden by any redaction: ${result.covered.covered}/${result.covered.spans} (${pct(result.covered.rate).trim()}); look-alikes redacted: ${result.lookalikes.redacted}/${result.lookalikes.total}`,
  );
  if (process.argv.includes("--misses")) {
    console.log("\nmisses (span-exact):");
    for (const m of result.misses.filter((m) => m.match === "exact"))
      console.log(`  ${m.id} ${m.kind.padEnd(8)} ${m.type.padEnd(14)} ${JSON.stringify(m.value)}`);
  }
}
