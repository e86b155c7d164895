import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as usage } from "@/app/api/v1/llm/usage/route";
import { inspectDb } from "../support/db";
import { LlmError } from "@/lib/errors";
import { generateStructured } from "@/lib/llm/generate-structured";
import { recordLlmCall, type LlmCallRecord } from "@/lib/llm/telemetry";
import { createAccount, joinTenant } from "../support/accounts";
import { call } from "../support/http";
import { mockLlm } from "../support/llm";

const DAY_MS = 24 * 60 * 60 * 1000;

function row(tenantId: string, over: Partial<LlmCallRecord> = {}): LlmCallRecord {
  return {
    tenantId,
    provider: "openai",
    model: "gpt-4o-mini",
    purpose: "dcl.map",
    inputTokens: 100,
    outputTokens: 20,
    latencyMs: 400,
    error: null,
    ...over,
  };
}

describe("LLM usage", () => {
  it("sums the caller's calls per provider and model, and nothing of another tenant's", async () => {
    const db = await inspectDb();
    const a = await createAccount({ label: "llm-a" });
    const b = await createAccount({ label: "llm-b" });
    await recordLlmCall(db, row(a.tenantId, { inputTokens: 100, outputTokens: 20, latencyMs: 400 }));
    await recordLlmCall(db, row(a.tenantId, { inputTokens: 50, outputTokens: 5, latencyMs: 1_201, error: "timeout" }));
    await recordLlmCall(
      db,
      row(a.tenantId, { provider: "google", model: "gemini-2.0-flash", inputTokens: 70, outputTokens: 30, latencyMs: 300 }),
    );
    await recordLlmCall(db, row(b.tenantId, { inputTokens: 9_999, outputTokens: 9_999, latencyMs: 9_999, error: "provider_error" }));
    await recordLlmCall(db, row(b.tenantId, { provider: "mock", model: "only-in-b" }));

    const res = await call(usage, "GET", "/api/v1/llm/usage", { token: a.token });
    expect(res.status).toBe(200);
    expect(res.json.totals).toEqual({ calls: 3, errors: 1, inputTokens: 220, outputTokens: 55 });
    expect(res.json.models).toEqual([
      {
        provider: "google",
        model: "gemini-2.0-flash",
        calls: 1,
        errors: 0,
        inputTokens: 70,
        outputTokens: 30,
        avgLatencyMs: 300,
        maxLatencyMs: 300,
      },
      {
        provider: "openai",
        model: "gpt-4o-mini",
        calls: 2,
        errors: 1,
        inputTokens: 150,
        outputTokens: 25,
        avgLatencyMs: 801,
        maxLatencyMs: 1_201,
      },
    ]);
    expect(Date.parse(res.json.until) - Date.parse(res.json.since)).toBe(30 * DAY_MS);

    const other = await call(usage, "GET", "/api/v1/llm/usage", { token: b.token });
    expect(other.json.totals).toEqual({ calls: 2, errors: 1, inputTokens: 10_099, outputTokens: 10_019 });
  });

  it("covers the last 30 days unless asked for another window", async () => {
    const db = await inspectDb();
    const owner = await createAccount({ label: "llm-window" });
    await db.llmCall.create({ data: { ...row(owner.tenantId), createdAt: new Date(Date.now() - 40 * DAY_MS) } });
    await recordLlmCall(db, row(owner.tenantId));

    expect((await call(usage, "GET", "/x", { token: owner.token })).json.totals.calls).toBe(1);
    const since = new Date(Date.now() - 60 * DAY_MS).toISOString();
    expect((await call(usage, "GET", `/x?since=${since}`, { token: owner.token })).json.totals.calls).toBe(2);
    const until = new Date(Date.now() - 35 * DAY_MS).toISOString();
    const old = await call(usage, "GET", `/x?since=${since}&until=${until}`, { token: owner.token });
    expect(old.json).toMatchObject({ since, until, totals: { calls: 1 } });
  });

  it("answers 422 to a window that is not ISO datetimes or runs backwards", async () => {
    const owner = await createAccount({ label: "llm-bad" });
    for (const query of ["since=yesterday", "until=2025-13-01T00:00:00Z", "since=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z"]) {
      const res = await call(usage, "GET", `/x?${query}`, { token: owner.token });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
    }
  });

  it("lets a viewer read usage, and records failed calls made through generateStructured", async () => {
    const db = await inspectDb();
    const owner = await createAccount({ label: "llm-owner" });
    const viewer = await createAccount({ label: "llm-viewer" });
    const token = await joinTenant(owner, viewer, "viewer");

    const failed = generateStructured({
      scope: { tenantId: owner.tenantId, db },
      model: mockLlm(async () => {
        throw new Error("provider exploded");
      }),
      purpose: "test",
      schema: z.object({ ok: z.boolean() }),
      system: "Answer.",
      prompt: "Are you there?",
    });
    await expect(failed).rejects.toBeInstanceOf(LlmError);

    const res = await call(usage, "GET", "/x", { token });
    expect(res.status).toBe(200);
    expect(res.json.models).toEqual([expect.objectContaining({ provider: "mock", model: "mock-1", calls: 1, errors: 1, inputTokens: 0 })]);
    expect(await db.llmCall.findFirst({ where: { tenantId: owner.tenantId }, select: { error: true, purpose: true } })).toEqual({
      error: "provider_error",
      purpose: "test",
    });
  });

  it("requires a caller", async () => {
    expect((await call(usage, "GET", "/x")).status).toBe(401);
  });
});
