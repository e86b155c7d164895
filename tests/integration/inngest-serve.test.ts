import { describe, expect, it, vi } from "vitest";

// This file runs as if an Inngest Dev Server were configured (read by lib/env at import).
vi.hoisted(() => {
  process.env.INNGEST_DEV = "1";
});

const { GET } = await import("@/app/api/inngest/route");
const { functions } = await import("@/inngest");
const { call } = await import("../support/http");

describe("the Inngest serve endpoint", () => {
  it("lists every workflow as a function", async () => {
    expect(functions.map((f) => f.id())).toEqual([
      "connector-sync",
      "drift-check",
      "drift-repair",
      "dcl-rebuild",
      "kb-ingest",
      "agent-run",
      "agent-schedule",
    ]);
    const res = await call(GET as never, "GET", "/api/inngest");
    expect(res.status).toBe(200);
    expect(res.json.function_count).toBe(13); // the agent scheduler, and each workflow and its failure handler
    expect(res.json.mode).toBe("dev");
  });
});
