import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A data folder of its own, set before lib/env is loaded.
process.env.AOS_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "aos-local-secret-"));
const { loadOrCreateLocalSecret } = await import("@/lib/crypto/local-secret");

describe("secrets generated in the data folder", () => {
  it("are created once and read back the same", async () => {
    const first = await loadOrCreateLocalSecret("fresh-secret");
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await loadOrCreateLocalSecret("fresh-secret")).toBe(first);
  });

  it("refuse a file too short to be a secret instead of using it, whatever secret it holds", async () => {
    for (const name of ["auth-secret", "encryption-key"]) {
      writeFileSync(path.join(process.env.AOS_DATA_DIR!, name), "short");
      await expect(loadOrCreateLocalSecret(name)).rejects.toThrow(`The file ${name} in the data folder holds fewer than 32 characters`);
    }
  });
});
