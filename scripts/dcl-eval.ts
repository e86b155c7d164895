/**
 * Prints the matcher's precision and recall per entity, and how often its mappings are right at
 * each confidence level, over hand-labeled tables: tests/fixtures/dcl/schemas (the set the
 * matcher was tuned on, with holdout and holdout2, which were held out until the matcher was fitted
 * to them) and tests/fixtures/dcl/holdout3 (never used for tuning: keep it so; never look at its
 * misses to change the matcher).
 * Run: npm run dcl:eval [-- --set schemas|holdout|holdout2|holdout3] [--misses]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateMatcher, LabeledTable } from "@/lib/dcl/matcher/evaluate";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";

const at = process.argv.indexOf("--set");
const sets = at > 0 ? [process.argv[at + 1]] : ["schemas", "holdout", "holdout2", "holdout3"];
for (const set of sets) report(set);

function report(set: string) {
  const dir = join(import.meta.dirname, "../tests/fixtures/dcl", set);
  const tables = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => LabeledTable.parse(JSON.parse(readFileSync(join(dir, f), "utf8"))));
  const result = evaluateMatcher(tables, BUILTIN_ONTOLOGY);

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`\n== ${set}: matcher (no LLM) over ${result.tables} labeled tables; entity chosen right: ${pct(result.entityAccuracy)}\n`);
  console.log("entity         tables    TP   FP   FN  precision  recall");
  for (const e of [...result.entities, { entity: "ALL", tables: result.tables, ...result.overall }]) {
    console.log(
      `${e.entity.padEnd(14)} ${String(e.tables).padStart(6)} ${String(e.truePositives).padStart(5)} ${String(e.falsePositives).padStart(4)} ${String(e.falseNegatives).padStart(4)}  ${pct(e.precision)}   ${pct(e.recall)}`,
    );
  }
  const { autoApproved: auto, overall } = result;
  console.log(
    `\nfield F1 ${overall.f1.toFixed(3)}; auto-approved (confidence >= 0.9): ${auto.correct} of ${auto.mappings} right, ${pct(auto.precision)}`,
  );
  console.log("\nconfidence   decisions  right  accuracy");
  for (const b of result.calibration) {
    if (b.mappings)
      console.log(
        `${b.from.toFixed(1)}-${b.to.toFixed(1)}     ${String(b.mappings).padStart(9)} ${String(b.correct).padStart(6)}  ${pct(b.accuracy)}`,
      );
  }
  if (process.argv.includes("--misses")) {
    console.log("\nmisses:");
    for (const m of result.misses)
      console.log(`  ${m.table} ${JSON.stringify(m.field)}: expected ${m.expected}, got ${m.got} (${m.confidence})`);
  }
}
