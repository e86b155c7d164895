/**
 * `aos load` of an R-row, 10-column CSV (opportunity-shaped, seeded) end to end, beside DuckDB's own
 * `CREATE TABLE AS SELECT * FROM read_csv(...)` of the same file in the same run, then a 1% append
 * loaded again. Each load runs `npm run aos -- load --json` in a fresh process with a fresh data
 * folder (embedded), or on PostgreSQL when BENCH_DATABASE_URL names one (a fresh database per run),
 * so its peak RSS is the whole process's. Medians of N runs. Prints a table and a JSON line.
 *
 *   npx tsx --conditions=react-server bench/load.ts [rows=1000000] [runs=3]
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";

const [rows, runs] = [1_000_000, 3].map((fallback, i) => Number(process.argv[i + 2] ?? fallback));
const serverUrl = process.env.BENCH_DATABASE_URL;

/** A small seeded PRNG (mulberry32): the same file on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY"];
const HEADER = "Id,Name,AccountId,StageName,Amount,CurrencyIsoCode,CloseDate,Probability,OwnerEmail,CreatedDate\n";

function line(i: number, next: () => number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 900) * 86_400_000).toISOString();
  return `006${String(i).padStart(12, "0")},Deal ${i},001${String(Math.floor(next() * 50_000)).padStart(12, "0")},${STAGES[Math.floor(next() * STAGES.length)]},${(next() * 250_000).toFixed(2)},${CURRENCIES[Math.floor(next() * CURRENCIES.length)]},${day.slice(0, 10)},${Math.floor(next() * 100)},rep${Math.floor(next() * 300)}@example.com,${day}\n`;
}

async function writeCsv(file: string, from: number, to: number, seed: number, header: boolean) {
  const next = random(seed);
  const out = createWriteStream(file, { flags: header ? "w" : "a" });
  if (header) out.write(HEADER);
  let chunk = "";
  for (let i = from; i < to; i++) {
    chunk += line(i, next);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function duckdbRaw(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const started = performance.now();
  await duck.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
  const seconds = (performance.now() - started) / 1000;
  duck.closeSync();
  instance.closeSync();
  return seconds;
}

type Report = { seconds: { stage: number; sync: number; views: number; total: number }; records: { stored: number }; views: { entity: string; rows: number }[]; peakRssMb: number };

function aos(args: string[], env: Record<string, string>): string {
  return execFileSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/aos.ts", ...args], { env: { ...process.env, LOG_LEVEL: "error", ...env }, encoding: "utf8", maxBuffer: 1 << 26 });
}

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
await writeCsv(file, 0, rows, 42, true);
const bytes = statSync(file).size;

const results: { raw: number; first: Report; append: Report }[] = [];
for (let run = 0; run < runs; run++) {
  await writeCsv(file, 0, rows, 42, true);
  const raw = await duckdbRaw(file);
  const dataDir = mkdtempSync(path.join(tmpdir(), "aos-bench-load-data-"));
  const env = { AOS_DATA_DIR: dataDir, DATABASE_URL: (await freshDatabase(run)) ?? "" };
  aos(["seed"], env);
  const first = JSON.parse(aos(["load", file, "--json"], env)) as Report;
  await writeCsv(file, rows, rows + Math.round(rows / 100), 7, false);
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
console.log(`\naos load of ${rows.toLocaleString("en-US")} rows (${summary.megabytes} MB, ${summary.database}, ${summary.cores} cores, median of ${runs})`);
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
