#!/usr/bin/env node
/**
 * `npm test`: typecheck, format and lint (Biome), unit and connector tests, integration tests on the embedded database, then,
 * when the machine's PostgreSQL and Redis answer, the PostgreSQL connector test and the same
 * integration tests in server mode plus the Redis tests, and the browser test in Debian's Chromium.
 * With AOS_REQUIRE_SERVICES=1 (CI) a missing service or browser fails the run instead of skipping
 * that part.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const required = process.env.AOS_REQUIRE_SERVICES === "1";
const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test");
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
const reports = mkdtempSync(path.join(os.tmpdir(), "aos-test-reports-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedParts = [];

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status ?? 1;
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    socket.setTimeout(1500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function optional(part, why) {
  if (required) {
    console.error(`\n${part} is required (AOS_REQUIRE_SERVICES=1) but ${why}`);
    process.exit(1);
  }
  skippedParts.push(`${part}: ${why}`);
}

let status = run("npx", ["--no-install", "tsc", "--noEmit"]);
// Style: Biome's formatter and linter (biome.json); `npm run format` fixes what it can.
status ||= run("npx", ["--no-install", "biome", "ci", "."]);

const projects = ["unit", "connectors", "pglite"];
const excluded = [];
if (await reachable(pgUrl.hostname, pgUrl.port || 5432)) projects.push("postgres");
else {
  excluded.push("tests/connectors/postgres.test.ts");
  optional("PostgreSQL integration and connector tests", `nothing answers at ${pgUrl.host}`);
}
if (await reachable(redisUrl.hostname, redisUrl.port || 6379)) projects.push("redis");
else optional("Redis tests", `nothing answers at ${redisUrl.host}`);

if (status === 0) {
  const vitestReport = path.join(reports, "vitest.json");
  status = run("npx", [
    "--no-install",
    "vitest",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    ...excluded.flatMap((f) => ["--exclude", f]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
  ]);
  if (existsSync(vitestReport)) {
    const r = JSON.parse(readFileSync(vitestReport, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
}

if (status === 0) {
  const chromium = spawnSync("bash", ["scripts/ci/ensure-chromium.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (chromium.status !== 0) optional("Browser tests", "Debian's chromium could not be installed");
  else {
    const playwrightReport = path.join(reports, "playwright.json");
    status = run("node", ["scripts/e2e.mjs"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, PLAYWRIGHT_REPORTERS: "json" });
    if (existsSync(playwrightReport)) {
      const s = JSON.parse(readFileSync(playwrightReport, "utf8")).stats;
      totals.passed += s.expected;
      totals.failed += s.unexpected + s.flaky;
      totals.skipped += s.skipped;
    }
  }
}

rmSync(reports, { recursive: true, force: true });
for (const s of skippedParts) console.log(`skipped ${s}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
