import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The owner's client (`systemDb`) bypasses row-level security. Request paths never use it: the only
 * cross-tenant query while serving is the job engine's claim. Adding a caller means adding it here,
 * in review.
 */
const ALLOWED = new Map([
  ["lib/db/scope.ts", "defines it"],
  ["lib/tasks/embedded-engine.ts", "the claim picks the next task of any tenant"],
  ["lib/bootstrap.ts", "startup seed of the demo tenant"],
  ["lib/cli/run-cli.ts", "operator commands (seed, list connections, ingest, key rotation)"],
  ["lib/agents/schedule.ts", "the scheduler finds every tenant's due agents, then queues each run in its tenant's scope"],
  ["bench/rls-overhead.ts", "measures the owner's scope beside a tenant's"],
  ["bench/connectors-list.ts", "deletes its own account afterwards (the app's role may not delete users)"],
  ["bench/kb-search.ts", "creates its tenant and user, vacuums the tables it filled, and deletes both afterwards"],
]);

const SKIPPED_DIRS = new Set(["node_modules", "generated", "tests", ".next", ".data", ".git"]);

/** Every TypeScript file of the product (not its tests), from the repository root down. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Defines or names `systemDb` (a call, an import under any alias, a re-export). */
const USES_SYSTEM_DB = /\bsystemDb\b/;

describe("database scopes", () => {
  it("only the listed files use the owner's client", () => {
    const users = sourceFiles(".")
      .filter((file) => USES_SYSTEM_DB.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(".", file).split(path.sep).join("/"))
      .sort();
    expect(users).toEqual([...ALLOWED.keys()].sort());
  });
});
