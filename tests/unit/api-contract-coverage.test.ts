import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVED_DOCUMENT } from "@/lib/http/openapi/served";

/**
 * The contract tests (tests/integration/contract-*.test.ts) call every documented operation through
 * `callOperation`, which checks each real answer against the document (tests/support/contract.ts).
 */
describe("the API contract tests", () => {
  it("call every operation in the OpenAPI document", () => {
    const doc = JSON.parse(readFileSync(SERVED_DOCUMENT, "utf8")) as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    const dir = path.resolve(import.meta.dirname, "../integration");
    const called = new Set(
      readdirSync(dir)
        .filter((name) => /^contract-.*\.test\.ts$/.test(name))
        .flatMap((name) => [...readFileSync(path.join(dir, name), "utf8").matchAll(/callOperation\(\s*"(\w+)"/g)].map((m) => m[1])),
    );
    expect(documented.filter((id) => !called.has(id)).sort()).toEqual([]);
    expect([...called].filter((id) => !documented.includes(id)).sort()).toEqual([]);
  });
});
