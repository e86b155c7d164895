/**
 * `aos load` of an R-row, 10-column CSV (opportunity-shaped, seeded) end to end, beside DuckDB's own
 * `CREATE TABLE AS SELECT * FROM read_csv(...)` of the same file in the same run, then a 1% append
 * loaded again. Each load runs `npm run aos -- load --json` in a fresh process with a fresh data
 * folder (embedded), or on PostgreSQL when BENCH_DATABASE_URL names one (a fresh database per run),
 * so its peak RSS is the whole process's. Medians of N runs. Prints a table and a JSON line.
 *
 *   npx tsx --conditions=react-server bench/load.ts [rows=1000000] [runs=3]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { aos, median, writeOpportunities } from "./support";

const [rows, runs] = [1_000_000, 3].map((fallback, i) => Number(process.argv[i + 2] ?? fallback));
const serverUrl = process.env.BENCH_DATABASE_URL;

async function duckdbRaw(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const started = performance.now();
  await duck.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(file)})`);
  const seconds = (performance.now() - started) / 1000;
  duck.closeSync();
  instance.closeSync();
  return seconds;
}

type Report = {
  seconds: { stage: number; sync: number; views: number; total: number };
  records: { stored: number };
  views: { entity: string; rows: number }[];
  peakRssMb: number;
};

async function freshDatabase(run: number): Promise<string | undefined> {
  if (!serverUrl) return undefined;
  const url = new URL(serverUrl);
  const name = `aos_bench_load_${run}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

const dir = mkdtempSync(path.join(tmpdir(), "aos-bench-load-"));
const file = path.join(dir, "opportunities.csv");
await writeOpportunities(file, 0, rows, 42, true);
const bytes = statSync(file).size;

const results: { raw: number; first: Report; append: Report }[] = [];
for (let run = 0; run < runs; run++) {
  await writeOpportunities(file, 0, rows, 42, true);
  const raw = await duckdbRaw(file);
  const dataDir = mkdtempSync(path.join(tmpdir(), "aos-bench-load-data-"));
  const env = { AOS_DATA_DIR: dataDir, DATABASE_URL: (await freshDatabase(run)) ?? "" };
  aos(["seed"], env);
  const first = JSON.parse(aos(["load", file, "--json"], env)) as Report;
  await writeOpportunities(file, rows, rows + Math.round(rows / 100), 7, false);
  const append = JSON.parse(aos(["load", file, "--json"], env)) as Report;
  results.push({ raw, first, append });
  rmSync(dataDir, { recursive: true, force: true });
  console.error(`run ${run + 1}/${runs}: raw ${raw.toFixed(2)} s, load ${first.seconds.total} s, append ${append.seconds.total} s`);
}

const raw = median(results.map((r) => r.raw));
const load = median(results.map((r) => r.first.seconds.total));
const sync = median(results.map((r) => r.first.seconds.sync));
const views = median(results.map((r) => r.first.seconds.views));
const append = median(results.map((r) => r.append.seconds.total));
const rss = median(results.map((r) => r.first.peakRssMb));
const summary = {
  bench: "load",
  database: serverUrl ? "postgresql" : "embedded",
  cores: availableParallelism(),
  rows,
  megabytes: Math.round(bytes / 1024 ** 2),
  runs,
  duckdbRawSeconds: Math.round(raw * 1000) / 1000,
  loadSeconds: load,
  syncSeconds: sync,
  viewsSeconds: views,
  ratioToDuckDb: Math.round((load / raw) * 10) / 10,
  syncRatioToDuckDb: Math.round((sync / raw) * 10) / 10,
  appendSeconds: append,
  appendShareOfLoad: Math.round((append / load) * 1000) / 1000,
  peakRssMb: rss,
  opportunityRows: results.at(-1)!.append.views.find((v) => v.entity === "opportunity")?.rows ?? 0,
};
console.log(
  `\naos load of ${rows.toLocaleString("en-US")} rows (${summary.megabytes} MB, ${summary.database}, ${summary.cores} cores, median of ${runs})`,
);
console.table({
  "DuckDB read_csv (s)": raw.toFixed(2),
  "aos load total (s)": load,
  "  of which sync (s)": sync,
  "  of which map+views (s)": views,
  "ratio to DuckDB": summary.ratioToDuckDb,
  "1% append (s)": append,
  "append / first load": summary.appendShareOfLoad,
  "peak RSS (MB)": rss,
});
console.log(JSON.stringify(summary));
rmSync(dir, { recursive: true, force: true });
