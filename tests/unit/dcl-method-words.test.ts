import { describe, expect, it } from "vitest";
import { describeMethod } from "@/lib/dcl/mappings/method-words";

const people = { "u-jane": "Jane" };
const version = (
  method: string,
  status: "proposed" | "approved" | "rejected",
  by: { createdById?: string | null; decidedById?: string | null } = {},
) => ({ method, status, createdById: by.createdById ?? null, decidedById: by.decidedById ?? null });

describe("how a mapping came to be, in words", () => {
  it("names the matcher's method and whether a person or the threshold approved it", () => {
    expect(describeMethod(version("exact", "approved"), people)).toBe("matched by name, approved automatically");
    expect(describeMethod(version("llm", "approved", { decidedById: "u-jane" }), people)).toBe("AI suggestion, approved by Jane");
    expect(describeMethod(version("alias", "proposed"), people)).toBe("matched by a known alias");
    expect(describeMethod(version("tokens", "rejected", { decidedById: "u-jane" }), people)).toBe(
      "matched by words in the name, rejected by Jane",
    );
  });

  it("tells a person's correction and rollback from the repair agent's work", () => {
    expect(describeMethod(version("manual", "approved", { createdById: "u-jane", decidedById: "u-jane" }), people)).toBe("set by Jane");
    expect(describeMethod(version("rollback", "approved", { createdById: "u-jane" }), people)).toBe("rolled back by Jane");
    expect(describeMethod(version("repair", "approved"), people)).toBe("repair, applied automatically");
    expect(describeMethod(version("repair", "approved", { decidedById: "u-jane" }), people)).toBe("repair, approved by Jane");
  });

  it("never shows an id for someone who left the workspace", () => {
    expect(describeMethod(version("manual", "approved", { createdById: "u-gone" }), people)).toBe("set by a former member");
  });
});
