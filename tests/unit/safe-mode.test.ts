import { describe, expect, it } from "vitest";
import { newConnectionSettings, safeModeRefusals, syncRowLimit, updatedConnectionSettings } from "@/lib/aam/safe-mode";
import { ValidationError } from "@/lib/errors";

const safe = { safeMode: true, sampleRowLimit: 100, schemaPolicy: "require_approval" as const };

describe("safe mode rules", () => {
  it("bounds the sample at 1 and 10,000 rows, both included", () => {
    expect(safeModeRefusals({ ...safe, sampleRowLimit: 1 })).toEqual([]);
    expect(safeModeRefusals({ ...safe, sampleRowLimit: 10_000 })).toEqual([]);
    expect(safeModeRefusals({ ...safe, sampleRowLimit: 10_001 }).map((r) => r.path)).toEqual(["sampleRowLimit"]);
    expect(safeModeRefusals({ ...safe, sampleRowLimit: null }).map((r) => r.path)).toEqual(["sampleRowLimit"]);
  });

  it("allows only policies that hold a breaking change for a person, and names every refused field at once", () => {
    for (const schemaPolicy of ["require_approval", "pause_on_breaking", "propagate_additive"] as const)
      expect(safeModeRefusals({ ...safe, schemaPolicy })).toEqual([]);
    const error = (() => {
      try {
        newConnectionSettings({ safeMode: true, schemaPolicy: "propagate_all", sampleRowLimit: 0 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).message).toMatch(/^Refused: schemaPolicy: .*; sampleRowLimit: .*not 0$/);
  });

  it("defaults a safe-mode connection and leaves others as they were", () => {
    expect(newConnectionSettings({ safeMode: true })).toEqual({ safeMode: true, sampleRowLimit: 1_000, schemaPolicy: "require_approval" });
    expect(newConnectionSettings({})).toEqual({ safeMode: false, sampleRowLimit: null, schemaPolicy: "propagate_additive" });
    expect(newConnectionSettings({ schemaPolicy: "propagate_all" })).toMatchObject({ schemaPolicy: "propagate_all" });
  });

  it("keeps an update inside safe mode, and limits only safe-mode syncs", () => {
    expect(() => updatedConnectionSettings(safe, { safeMode: false })).toThrow(/only by promotion/);
    expect(updatedConnectionSettings(safe, { safeMode: true, sampleRowLimit: 5 })).toEqual({ ...safe, sampleRowLimit: 5 });
    expect(syncRowLimit(safe)).toBe(100);
    expect(syncRowLimit({ safeMode: false, sampleRowLimit: null })).toBeNull();
  });
});
