/**
 * Prints how the repair agent does on the drift corpus (tests/fixtures/drift): on the cases it was
 * tuned on, on the held-out ones (never tuned on), and on all; with the default thresholds, how
 * often auto-applied repairs are right (precision) and how many changed fields they cover, and
 * per confidence band how often a proposed target is right. `--sweep` prints precision and
 * coverage on the tuning cases for every auto threshold; `--misses` lists the wrong or unapplied.
 * Run: npm run drift:eval [-- --sweep] [--misses]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { DriftCase, evaluateRepairs } from "@/lib/dcl/repair/evaluate";
import { DEFAULT_THRESHOLDS } from "@/lib/dcl/repair/suggest";

const dir = join(import.meta.dirname, "../tests/fixtures/drift");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => DriftCase.parse(JSON.parse(readFileSync(join(dir, f), "utf8"))));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

console.log(`repair agent (no LLM), thresholds auto ${DEFAULT_THRESHOLDS.auto}, review ${DEFAULT_THRESHOLDS.review}\n`);
console.log("cases           n  changed  auto precision  auto coverage  auto+review right  removed P/R");
const sets = [
  ["tune", cases.filter((c) => c.split === "tune")],
  ["holdout", cases.filter((c) => c.split === "holdout")],
  ["all", cases],
] as const;
const results = sets.map(([label, set]) => [label, evaluateRepairs(set, BUILTIN_ONTOLOGY)] as const);
for (const [label, r] of results) {
  console.log(
    `${label.padEnd(12)} ${String(r.cases).padStart(4)} ${String(r.changedFields).padStart(8)}  ${pct(r.autoPrecision)}        ${pct(r.autoCoverage)}        ${pct(r.reviewCoverage)}       ${pct(r.removed.precision)} / ${pct(r.removed.recall)}`,
  );
}

const all = results.at(-1)![1];
console.log("\nconfidence   proposed  right  accuracy   (every case; changed fields with a target proposed)");
for (const b of all.reliability)
  if (b.decisions)
    console.log(
      `${b.from.toFixed(1)}-${b.to.toFixed(1)}     ${String(b.decisions).padStart(8)} ${String(b.right).padStart(6)}  ${pct(b.accuracy)}`,
    );

if (process.argv.includes("--sweep")) {
  const tune = cases.filter((c) => c.split === "tune");
  console.log("\nauto threshold on the tuning cases: precision, coverage");
  for (let t = 0.6; t <= 0.991; t += 0.02) {
    const r = evaluateRepairs(tune, BUILTIN_ONTOLOGY, { auto: t, review: DEFAULT_THRESHOLDS.review });
    console.log(`${t.toFixed(2)}  ${pct(r.autoPrecision)}  ${pct(r.autoCoverage)}`);
  }
}
if (process.argv.includes("--misses")) {
  console.log("\nwrong, or right but not applied on its own:");
  for (const m of all.misses) console.log(`  ${m.case}: ${m.field}: expected ${m.expected}, got ${m.got} (${m.confidence}, ${m.apply})`);
}
