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
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe("database scopes", () => {
  it("only the listed files use the owner's client", () => {
    const users = ["app", "lib", "inngest"]
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => /\bsystemDb\(/.test(readFileSync(file, "utf8")))
      .map((file) => file.split(path.sep).join("/"))
      .sort();
    expect(users).toEqual([...ALLOWED.keys()].sort());
  });
});
