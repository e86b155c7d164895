/**
 * One page of a unified view over HTTP (GET /api/v1/dcl/views/opportunity) on the production
 * server, beside the same queries straight on DuckDB over the view's Parquet files in the same run:
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
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DEMO } from "@/lib/db/seed";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { aos, median, percentile, STAGES, writeOpportunities } from "./support";

const numbers = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const [rows, seconds, runs] = [1_000_000, 10, 3].map((fallback, i) => Number(numbers[i] ?? fallback));
const build = !process.argv.includes("--no-build");
const CONNECTIONS = 20;
const DIRECT_QUERIES = 200;
const TARGET_P99_MS = 100;
const STAGE = STAGES[3]!; // Negotiation

/** autocannon ships no types: the part of its API used here. */
type Cannon = { latency: { p50: number; p99: number }; requests: { average: number }; non2xx: number; errors: number; timeouts: number };
type CannonRequest = { setupRequest: (request: { path: string }) => { path: string } };
type CannonOptions = {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  warmup: { connections: number; duration: number };
  requests?: CannonRequest[];
};
const autocannon = createRequire(import.meta.url)("autocannon") as (options: CannonOptions) => Promise<Cannon>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** Builds the app unless told not to, starts `next start` on a free port and waits until /api/v1/healthz answers 200 (90 s at most). */
async function startServer(): Promise<string> {
  if (build || !existsSync(".next/BUILD_ID")) {
    console.error("building the app for production (next build)");
    execFileSync("npx", ["--no-install", "next", "build"], {
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AOS_DATA_DIR: dataDir,
    DATABASE_URL: "",
    NEXTAUTH_URL: base,
    LOG_LEVEL: "error",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Its own process group (detached), so cleanup() stops npx and everything it started at once.
  const child = spawn("npx", ["--no-install", "next", "start", "-p", String(port)], {
    env,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  server = child;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${stderr}`);
    const status = await fetch(`${base}/api/v1/healthz`).then(
      (r) => r.status,
      () => 0,
    );
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

/** The demo user's bearer token (POST /api/v1/auth/token with email and password: the REST way in), as request headers. */
async function bearer(base: string): Promise<Record<string, string>> {
  const { token } = await getJson<{ token: string }>(
    `${base}/api/v1/auth/token`,
    { "content-type": "application/json" },
    { method: "POST", body: JSON.stringify({ email: DEMO.email, password: DEMO.password }) },
  );
  return { authorization: `Bearer ${token}` };
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

/**
 * N autocannon runs against one URL (each after its own warm-up): the medians, and every failed
 * request summed. With `distinct`, every request adds a filter no row fails (`amount.gte=-<n>`, n
 * counting up), so no two ask the same question and none is answered from the server's cache of
 * answers by build: the cost of a question asked for the first time.
 */
async function hammer(url: string, headers: Record<string, string>, { distinct = false } = {}): Promise<Http> {
  const measured: Cannon[] = [];
  let asked = 0;
  const requests = distinct
    ? [{ setupRequest: (request: { path: string }) => ({ ...request, path: `${request.path}&amount.gte=-${++asked}` }) }]
    : undefined;
  for (let run = 0; run < runs; run++) {
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      headers,
      warmup: { connections: CONNECTIONS, duration: 2 },
      requests,
    });
    console.error(
      `${url.replace(/^.*\/views\//, "")}, run ${run + 1}/${runs}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
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
 * The view's Parquet files the server reads, found from outside (the build that lists them is in
 * the server's database): every part under `<data dir>/store/<tenant>/views/<build>/` holding
 * opportunity rows. A build carries over the parts nothing changed, so here (the load's build,
 * then the demo sync's) each part is listed once; the totals are checked against the API's below.
 */
async function viewFiles(duck: DuckDBConnection): Promise<string[]> {
  const store = path.join(dataDir, "store");
  const parts = readdirSync(store).flatMap((tenant) => {
    const views = path.join(store, tenant, "views");
    return existsSync(views)
      ? readdirSync(views, { recursive: true, encoding: "utf8" })
          .filter((f) => f.endsWith(".parquet"))
          .map((f) => path.join(views, f))
      : [];
  });
  const files: string[] = [];
  for (const part of parts) {
    const schema = await duck.runAndReadAll(`SELECT name FROM parquet_schema(${quoteLiteral(part)})`);
    if (schema.getRowObjectsJS().some((c) => c.name === "opportunity_id")) files.push(part);
  }
  if (files.length === 0) throw new Error(`no opportunity view part under ${store}`);
  return files;
}

/** The page's statements as the API sends them (the filter's total, then the page), `DIRECT_QUERIES` times one after the other. */
async function direct(duck: DuckDBConnection, files: string[], stage: string | undefined): Promise<Latency & { total: number }> {
  const table = `read_parquet([${files.map(quoteLiteral).join(", ")}])`;
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
  await writeOpportunities(csv, 0, rows, 42, true);
  const megabytes = Math.round(statSync(csv).size / 1024 ** 2);
  const env = { AOS_DATA_DIR: dataDir, DATABASE_URL: "" };
  aos(["seed"], env);
  const loaded = JSON.parse(aos(["load", csv, "--json"], env)) as { seconds: { total: number } };
  console.error(`loaded ${rows.toLocaleString("en-US")} rows (${megabytes} MB) in ${loaded.seconds.total} s`);

  const base = await startServer();
  const headers = await bearer(base);
  const settleStarted = performance.now();
  await settle(base, headers);
  console.error(`server up; background tasks settled in ${((performance.now() - settleStarted) / 1000).toFixed(1)} s`);

  const urls = {
    filtered: `${base}/api/v1/dcl/views/opportunity?sort=-amount&stage=${encodeURIComponent(STAGE)}&limit=50`,
    unfiltered: `${base}/api/v1/dcl/views/opportunity?sort=-amount&limit=50`,
  };
  const filteredPage = await checkPage(urls.filtered, headers, STAGE);
  const unfilteredPage = await checkPage(urls.unfiltered, headers, undefined);
  if (filteredPage.total >= unfilteredPage.total)
    throw new Error(`the stage filter kept every row (${filteredPage.total} of ${unfilteredPage.total})`);

  // Set up as the server's engine (lib/duckdb/engine.ts, default memory limit): only the HTTP and app layers differ.
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: "512MB" });
  const duck = await instance.connect();
  await duck.run("SET parquet_metadata_cache = true");
  const files = await viewFiles(duck);
  const directFiltered = await direct(duck, files, STAGE);
  const directUnfiltered = await direct(duck, files, undefined);
  duck.closeSync();
  instance.closeSync();
  if (directFiltered.total !== filteredPage.total || directUnfiltered.total !== unfilteredPage.total) {
    throw new Error(
      `${files.join(", ")} are not the server's view files: totals ${directFiltered.total}/${directUnfiltered.total}, the API's ${filteredPage.total}/${unfilteredPage.total}`,
    );
  }

  // A fresh token: the direct runs take minutes at large sizes, and a token lasts 15 minutes.
  const fresh = await bearer(base);
  const apiFiltered = await hammer(urls.filtered, fresh);
  const apiUnfiltered = await hammer(urls.unfiltered, fresh);
  const apiFirstAsked = await hammer(urls.filtered, fresh, { distinct: true });

  const round = (r: Latency) => ({ p50: +r.p50.toFixed(2), p99: +r.p99.toFixed(2), perSecond: Math.round(r.perSecond) });
  const row = (r: Latency, callers: string) => ({
    callers,
    "p50 ms": +r.p50.toFixed(1),
    "p99 ms": +r.p99.toFixed(1),
    "req/s": Math.round(r.perSecond),
    "p99 < 100 ms": r.p99 < TARGET_P99_MS ? "yes" : "NO",
  });
  const failed = (r: Http) => ({ "non-2xx": r.non2xx, errors: r.errors });
  const roundHttp = (r: Http) => ({ ...round(r), non2xx: r.non2xx, errors: r.errors });
  console.log(
    `\none page of 50 of the opportunity view (${unfilteredPage.total.toLocaleString("en-US")} rows, ${filteredPage.total.toLocaleString("en-US")} in stage ${STAGE}), embedded database, ${availableParallelism()} cores; API: ${seconds} s per run, median of ${runs}; DuckDB: ${DIRECT_QUERIES} sequential`,
  );
  console.table({
    [`API stage=${STAGE}, sort=-amount`]: { ...row(apiFiltered, `${CONNECTIONS} connections`), ...failed(apiFiltered) },
    "API sort=-amount": { ...row(apiUnfiltered, `${CONNECTIONS} connections`), ...failed(apiUnfiltered) },
    [`API stage=${STAGE}, each asked once`]: { ...row(apiFirstAsked, `${CONNECTIONS} connections`), ...failed(apiFirstAsked) },
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
      api: { filtered: roundHttp(apiFiltered), unfiltered: roundHttp(apiUnfiltered), filteredEachAskedOnce: roundHttp(apiFirstAsked) },
      duckdbDirect: { queries: DIRECT_QUERIES, filtered: round(directFiltered), unfiltered: round(directUnfiltered) },
    }),
  );
} finally {
  await cleanup();
}
