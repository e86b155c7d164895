#!/usr/bin/env node
// Browser tests: installs Debian's Chromium when missing, builds the app, runs Playwright against
// `next start` on a throwaway embedded database.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const chromium = execFileSync("bash", ["scripts/ci/ensure-chromium.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "aos-e2e-"));
const env = { ...process.env, CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
let status = process.env.E2E_SKIP_BUILD ? 0 : run("npx", ["--no-install", "next", "build"]);
// Arguments go to Playwright: `npm run test:e2e -- first-load-js` runs one spec.
if (status === 0) status = run("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)]);
rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
