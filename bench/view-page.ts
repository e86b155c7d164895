/**
 * One page of a unified view over HTTP (GET /api/v1/dcl/views/opportunity) on the production
 * server, beside the same queries straight on DuckDB over the view's Parquet file in the same run:
 * the machine's limit. An R-row opportunity-shaped CSV (seeded, as bench/load.ts) goes through
 * `aos seed` and `aos load` into a fresh data folder (embedded database); `next start` then serves
 * it (built first when .next/BUILD_ID is missing). Two pages of 50, highest amount first: with a
 * stage filter and without. autocannon drives each with 20 connections for D seconds after a 2 s
 * warm-up, N runs (medians of the runs' p50, p99 and requests/s); DuckDB runs each page's two
 * statements (the filter's total and the page, as lib/dcl/views/query.ts) 200 times, one after the
 * other. Target: p99 < 100 ms. Prints a table and a JSON line.
 *
 *   npx tsx --conditions=react-server bench/view-page.ts [rows=1000000] [seconds=10] [runs=3]
 */
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

const [rows, seconds, runs] = [1_000_000, 10, 3].map((fallback, i) => Number(process.argv[i + 2] ?? fallback));
const CONNECTIONS = 20;
const DIRECT_QUERIES = 200;
const TARGET_P99_MS = 100;
const STAGE = "Negotiation";
const DEMO = { email: "demo@autonomos.dev", password: "autonomos-demo" };

/** autocannon ships no types: the part of its API used here. */
type Cannon = { latency: { p50: number; p99: number }; requests: { average: number }; non2xx: number; errors: number; timeouts: number };
type CannonOptions = { url: string; connections: number; duration: number; headers: Record<string, string>; warmup: { connections: number; duration: number } };
const autocannon = createRequire(import.meta.url)("autocannon") as (options: CannonOptions) => Promise<Cannon>;

/** A small seeded PRNG (mulberry32): the same file on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = ["Prospecting", "Qualification", "Proposal", STAGE, "Closed Won", "Closed Lost"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY"];
const HEADER = "Id,Name,AccountId,StageName,Amount,CurrencyIsoCode,CloseDate,Probability,OwnerEmail,CreatedDate\n";

function line(i: number, next: () => number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 900) * 86_400_000).toISOString();
  return `006${String(i).padStart(12, "0")},Deal ${i},001${String(Math.floor(next() * 50_000)).padStart(12, "0")},${STAGES[Math.floor(next() * STAGES.length)]},${(next() * 250_000).toFixed(2)},${CURRENCIES[Math.floor(next() * CURRENCIES.length)]},${day.slice(0, 10)},${Math.floor(next() * 100)},rep${Math.floor(next() * 300)}@example.com,${day}\n`;
}

async function writeCsv(file: string, count: number, seed: number) {
  const next = random(seed);
  const out = createWriteStream(file);
  out.write(HEADER);
  let chunk = "";
  for (let i = 0; i < count; i++) {
    chunk += line(i, next);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function aos(args: string[], env: Record<string, string>): string {
  return execFileSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/aos.ts", ...args], { env: { ...process.env, LOG_LEVEL: "error", ...env }, encoding: "utf8", maxBuffer: 1 << 26 });
}

/** A port nobody listens on now: the OS picks one, and it is handed back at once. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const workDir = mkdtempSync(path.join(tmpdir(), "aos-bench-view-"));
const dataDir = mkdtempSync(path.join(tmpdir(), "aos-bench-view-data-"));
let server: ReturnType<typeof spawn> | undefined;

/** Stops the server (its whole process group: npx, next and its workers) and removes the folders. Runs once. */
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  const child = server;
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  }
  rmSync(workDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));

/** Starts `next start` on a free port and waits until /api/v1/healthz answers 200 (90 s at most). */
async function startServer(): Promise<string> {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("no production build (.next/BUILD_ID missing): running next build");
    execFileSync("npx", ["--no-install", "next", "build"], { stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, AOS_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: base, LOG_LEVEL: "error", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  // Its own process group (detached), so cleanup() stops npx and everything it started at once.
  const child = spawn("npx", ["--no-install", "next", "start", "-p", String(port)], { env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  server = child;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${stderr}`);
    const status = await fetch(`${base}/api/v1/healthz`).then((r) => r.status, () => 0);
    if (status === 200) return base;
    await sleep(250);
  }
  throw new Error(`the server did not answer /api/v1/healthz with 200 within 90 s:\n${stderr}`);
}

async function getJson<T>(url: string, headers: Record<string, string>, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { ...headers, ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * `aos seed` queued the demo connection's first sync (mock_sources/), which the server runs on
 * start and which builds the views again: waits until no task is queued or running, so neither
 * that build's work nor a file swapped underneath falls inside the measurement.
 */
async function settle(base: string, headers: Record<string, string>) {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const { tasks } = await getJson<{ tasks: { status: string }[] }>(`${base}/api/v1/tasks?limit=100`, headers);
    if (tasks.every((t) => t.status !== "queued" && t.status !== "in_progress")) return;
    await sleep(500);
  }
  throw new Error("tasks still queued or running after 10 minutes");
}

type Page = { total: number; rows: Record<string, unknown>[] };

/** One request by hand first: 200, a full page, the filter applied, the highest amount first. */
async function checkPage(url: string, headers: Record<string, string>, stage: string | undefined): Promise<Page> {
  const page = await getJson<Page>(url, headers);
  const amounts = page.rows.map((r) => r.amount as number);
  if (page.rows.length !== 50) throw new Error(`${url}: expected 50 rows, got ${page.rows.length}`);
  if (stage && page.rows.some((r) => r.stage !== stage)) throw new Error(`${url}: a row whose stage is not ${stage}`);
  if (amounts.some((a, i) => i > 0 && a > amounts[i - 1]!)) throw new Error(`${url}: rows not sorted by amount, highest first`);
  return page;
}

type Latency = { p50: number; p99: number; perSecond: number };
type Http = Latency & { non2xx: number; errors: number };

/** N autocannon runs against one URL (each after its own warm-up): the medians, and every failed request summed. */
async function hammer(url: string, headers: Record<string, string>): Promise<Http> {
  const measured: Cannon[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, warmup: { connections: CONNECTIONS, duration: 2 } });
    console.error(`${url.replace(/^.*\/views\//, "")}, run ${run + 1}/${runs}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors`);
    measured.push(result);
  }
  return {
    p50: median(measured.map((m) => m.latency.p50)),
    p99: median(measured.map((m) => m.latency.p99)),
    perSecond: median(measured.map((m) => m.requests.average)),
    non2xx: measured.reduce((n, m) => n + m.non2xx, 0),
    errors: measured.reduce((n, m) => n + m.errors + m.timeouts, 0),
  };
}

/**
 * The view's Parquet file the server reads: the newest build folder's largest file
 * (`<data dir>/store/<tenant>/views/<build>/<index>.parquet`; one tenant here, and the opportunity
 * view holds nearly every row). Checked against the API's total below.
 */
function viewFile(): string {
  const store = path.join(dataDir, "store");
  const builds = readdirSync(store).flatMap((tenant) => {
    const views = path.join(store, tenant, "views");
    return existsSync(views) ? readdirSync(views).map((build) => path.join(views, build)) : [];
  });
  const newest = builds.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no view build under ${store}`);
  const files = readdirSync(newest).filter((f) => f.endsWith(".parquet")).map((f) => path.join(newest, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

/** The page's statements as the API sends them (the filter's total, then the page), `DIRECT_QUERIES` times one after the other. */
async function direct(duck: DuckDBConnection, file: string, stage: string | undefined): Promise<Latency & { total: number }> {
  const table = `read_parquet('${file.replace(/'/g, "''")}')`;
  const where = stage ? "WHERE stage = $1" : "";
  const values = stage ? [stage] : [];
  const page = `SELECT * FROM ${table} ${where} ORDER BY amount DESC NULLS LAST, _connection_id, _stream, _source_record_id LIMIT 50`;
  let total = 0;
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < DIRECT_QUERIES; i++) {
    const t = performance.now();
    total = Number((await duck.runAndReadAll(`SELECT count(*) AS n FROM ${table} ${where}`, values)).getRowObjectsJS()[0]!.n);
    (await duck.runAndReadAll(page, values)).getRowObjectsJson();
    latencies.push(performance.now() - t);
  }
  const perSecond = DIRECT_QUERIES / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond, total };
}

try {
  const csv = path.join(workDir, "opportunities.csv");
  await writeCsv(csv, rows, 42);
  const megabytes = Math.round(statSync(csv).size / 1024 ** 2);
  const env = { AOS_DATA_DIR: dataDir, DATABASE_URL: "" };
  aos(["seed"], env);
  const loaded = JSON.parse(aos(["load", csv, "--json"], env)) as { seconds: { total: number } };
  console.error(`loaded ${rows.toLocaleString("en-US")} rows (${megabytes} MB) in ${loaded.seconds.total} s`);

  const base = await startServer();
  // A bearer token for the demo user (POST /api/v1/auth/token, 15 minutes by default): the API's REST way in.
  const { token } = await getJson<{ token: string }>(`${base}/api/v1/auth/token`, { "content-type": "application/json" }, { method: "POST", body: JSON.stringify(DEMO) });
  const headers = { authorization: `Bearer ${token}` };
  const settleStarted = performance.now();
  await settle(base, headers);
  console.error(`server up; background tasks settled in ${((performance.now() - settleStarted) / 1000).toFixed(1)} s`);

  const urls = {
    filtered: `${base}/api/v1/dcl/views/opportunity?sort=-amount&stage=${encodeURIComponent(STAGE)}&limit=50`,
    unfiltered: `${base}/api/v1/dcl/views/opportunity?sort=-amount&limit=50`,
  };
  const filteredPage = await checkPage(urls.filtered, headers, STAGE);
  const unfilteredPage = await checkPage(urls.unfiltered, headers, undefined);
  if (filteredPage.total >= unfilteredPage.total) throw new Error(`the stage filter kept every row (${filteredPage.total} of ${unfilteredPage.total})`);

  const file = viewFile();
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const directFiltered = await direct(duck, file, STAGE);
  const directUnfiltered = await direct(duck, file, undefined);
  duck.closeSync();
  instance.closeSync();
  if (directFiltered.total !== filteredPage.total || directUnfiltered.total !== unfilteredPage.total) {
    throw new Error(`${file} is not the server's view file: totals ${directFiltered.total}/${directUnfiltered.total}, the API's ${filteredPage.total}/${unfilteredPage.total}`);
  }

  const apiFiltered = await hammer(urls.filtered, headers);
  const apiUnfiltered = await hammer(urls.unfiltered, headers);

  const round = (r: Latency) => ({ p50: +r.p50.toFixed(2), p99: +r.p99.toFixed(2), perSecond: Math.round(r.perSecond) });
  const row = (r: Latency, callers: string) => ({ callers, "p50 ms": +r.p50.toFixed(1), "p99 ms": +r.p99.toFixed(1), "req/s": Math.round(r.perSecond), "p99 < 100 ms": r.p99 < TARGET_P99_MS ? "yes" : "NO" });
  const failed = (r: Http) => ({ "non-2xx": r.non2xx, errors: r.errors });
  console.log(
    `\none page of 50 of the opportunity view (${unfilteredPage.total.toLocaleString("en-US")} rows, ${filteredPage.total.toLocaleString("en-US")} in stage ${STAGE}), embedded database, ${availableParallelism()} cores; API: ${seconds} s per run, median of ${runs}; DuckDB: ${DIRECT_QUERIES} sequential`,
  );
  console.table({
    [`API stage=${STAGE}, sort=-amount`]: { ...row(apiFiltered, `${CONNECTIONS} connections`), ...failed(apiFiltered) },
    "API sort=-amount": { ...row(apiUnfiltered, `${CONNECTIONS} connections`), ...failed(apiUnfiltered) },
    [`DuckDB direct, stage=${STAGE}`]: row(directFiltered, "1 sequential"),
    "DuckDB direct, unfiltered": row(directUnfiltered, "1 sequential"),
  });
  console.log(
    JSON.stringify({
      bench: "view-page",
      database: "embedded",
      cores: availableParallelism(),
      rows,
      viewRows: unfilteredPage.total,
      filteredRows: filteredPage.total,
      megabytes,
      loadSeconds: loaded.seconds.total,
      connections: CONNECTIONS,
      seconds,
      runs,
      targetP99Ms: TARGET_P99_MS,
      api: { filtered: { ...round(apiFiltered), ...failed(apiFiltered) }, unfiltered: { ...round(apiUnfiltered), ...failed(apiUnfiltered) } },
      duckdbDirect: { queries: DIRECT_QUERIES, filtered: round(directFiltered), unfiltered: round(directUnfiltered) },
    }),
  );
} finally {
  await cleanup();
}
