import { describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/context";
import { recordLlmCall } from "@/lib/llm/telemetry";
import { workflows } from "@/lib/tasks/workflows";
import { createAccount, type TestAccount } from "../support/accounts";
import { inspectDb, scopedDb } from "../support/db";
import { callOperation } from "../support/http";
import { localHttpServer } from "../support/local-http";
import { testEngine, waitForStatus } from "../support/tasks";

/*
 * An integrator's walk through the agents API (registry, runs, findings, metrics) and the LLM usage
 * report: every operation called by its operationId on real data, each answer checked against the
 * OpenAPI document by `call`.
 */

const ctxOf = async (who: TestAccount): Promise<TenantContext> => ({
  tenantId: who.tenantId,
  actor: { userId: who.userId, role: "owner", via: "bearer" },
  db: await scopedDb(who.tenantId),
});

/** A third party's agent that finds one thing per key in `keys`, with money, a window and rows. */
async function thirdPartyAgent(keys: string[]) {
  const server = await localHttpServer((req, res) => {
    req.resume().on("end", () => {
      const findings = keys.map((key, i) => ({
        key,
        kind: "churn_risk",
        title: `Churn risk at ${key}`,
        summary: "Usage fell 60% in 30 days.",
        severity: i === 0 ? "high" : "medium",
        impact: { amount: 1_000 * (i + 1), currency: "USD", per: "year" },
        window: { from: "2026-10-01", to: "2026-10-31" },
        sql: "SELECT * FROM account",
        rows: [{ account: key, usage: 40, active: true, note: null }],
      }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ findings, figures: { accounts: keys.length } }));
    });
  });
  return `${server.url}/agent`;
}

describe("the agents API contract", () => {
  it("registers, reads, changes, runs and deletes an agent; pages and sorts its runs and findings; reports metrics", async () => {
    const owner = await createAccount({ label: "contract-agents" });
    const token = owner.token;
    const endpoint = await thirdPartyAgent(["acme", "globex", "initech"]);

    const registered = await callOperation("postAgents", {
      token,
      body: { slug: "churn", name: "Churn watch", owner: "data team", endpoint, entities: ["account"], schedule: "0 7 * * 1" },
    });
    expect(registered.status).toBe(201);
    expect(registered.json.agent).toMatchObject({ slug: "churn", kind: "http", endpoint, enabled: true });
    expect(registered.json.signingKey).toMatch(/^[\w-]{43}$/);
    const churnId: string = registered.json.agent.id;

    // Built-in agents first, then by slug: two pages that continue each other.
    const first = await callOperation("getAgents", { token, query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.json.agents.map((a: { slug: string }) => a.slug)).toEqual(["finops", "revops"]);
    expect(first.json.nextCursor).toEqual(first.json.agents[1].id);
    const second = await callOperation("getAgents", { token, query: { limit: "2", cursor: first.json.nextCursor } });
    expect(second.json.agents.map((a: { slug: string }) => a.slug)).toEqual(["churn"]);
    expect(second.json.nextCursor).toBeNull();

    const bySlug = await callOperation("getAgentsById", { token, params: { id: "churn" } });
    expect(bySlug.status).toBe(200);
    expect(bySlug.json.id).toBe(churnId);
    const changed = await callOperation("patchAgentsById", { token, params: { id: churnId }, body: { schedule: null, owner: "growth" } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ schedule: null, owner: "growth" });

    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    const ctx = await ctxOf(owner);
    try {
      for (const asOf of ["2026-11-01", "2026-11-02"]) {
        const queued = await callOperation("postAgentsByIdRun", { token, params: { id: "churn" }, body: { asOf } });
        expect(queued.status).toBe(202);
        expect(queued.json.task).toMatchObject({ type: "agent.run", status: "queued", input: { agent: "churn", asOf } });
        await waitForStatus(ctx, queued.json.task.id, "success", 30_000);
      }
    } finally {
      await engine.stop();
    }

    // Runs, the latest first by default; one at a time, the pages continue each other.
    const latest = await callOperation("getAgentRuns", { token, query: { agent: "churn", limit: "1" } });
    expect(latest.status).toBe(200);
    expect(latest.json.runs[0]).toMatchObject({ agent: "churn", trigger: "manual", status: "success", inputs: { asOf: "2026-11-02" } });
    const earlier = await callOperation("getAgentRuns", { token, query: { agent: "churn", limit: "1", cursor: latest.json.nextCursor } });
    expect(earlier.json.runs[0].inputs.asOf).toBe("2026-11-01");
    expect(earlier.json.nextCursor).toBeNull();
    const oldestFirst = await callOperation("getAgentRuns", { token, query: { sort: "startedAt", status: "success" } });
    expect(oldestFirst.json.runs.map((r: { id: string }) => r.id)).toEqual([earlier.json.runs[0].id, latest.json.runs[0].id]);
    const run = await callOperation("getAgentRunsById", { token, params: { id: latest.json.runs[0].id } });
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ findings: 3, newFindings: 0, figures: { accounts: 3 }, narrativeBy: "template" });

    // Findings: two pages without overlap, then sorted by when each was first seen.
    const page1 = await callOperation("getFindings", { token, query: { agent: "churn", limit: "2" } });
    expect(page1.status).toBe(200);
    expect(page1.json.findings).toHaveLength(2);
    const page2 = await callOperation("getFindings", { token, query: { agent: "churn", limit: "2", cursor: page1.json.nextCursor } });
    expect(page2.json.findings).toHaveLength(1);
    expect(page2.json.nextCursor).toBeNull();
    const keys = [...page1.json.findings, ...page2.json.findings].map((f: { key: string }) => f.key);
    expect(keys.sort()).toEqual(["acme", "globex", "initech"]);
    const sorted = await callOperation("getFindings", { token, query: { sort: "firstSeenAt", status: "open" } });
    const firstSeen = sorted.json.findings.map((f: { firstSeenAt: string }) => f.firstSeenAt);
    expect(firstSeen).toHaveLength(3);
    expect(firstSeen).toEqual([...firstSeen].sort());
    const acme = page1.json.findings.concat(page2.json.findings).find((f: { key: string }) => f.key === "acme");
    expect(acme).toMatchObject({
      agent: "churn",
      occurrences: 2,
      impact: { amount: 1000, currency: "USD", per: "year" },
      window: { from: "2026-10-01", to: "2026-10-31" },
      lineage: { entities: ["account"] },
    });

    const acknowledged = await callOperation("patchFindingsById", {
      token,
      params: { id: acme.id },
      body: { status: "acknowledged", note: "CSM on it" },
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.json).toMatchObject({ status: "acknowledged", statusById: owner.userId, statusNote: "CSM on it" });

    const metrics = await callOperation("getAgentsMetrics", { token, query: { days: "7" } });
    expect(metrics.status).toBe(200);
    expect(metrics.json.agents.find((m: { agent: string }) => m.agent === "churn")).toMatchObject({
      kind: "http",
      runs: 2,
      succeeded: 2,
      successRate: 1,
      findingsProduced: 3,
      findingsActedOn: 1,
      estimatedCostUsd: 0,
    });

    const deleted = await callOperation("deleteAgentsById", { token, params: { id: "churn" } });
    expect(deleted.status).toBe(204);
    expect((await callOperation("getAgentsById", { token, params: { id: churnId } })).status).toBe(404);
  }, 120_000);

  it("reports the workspace's language-model usage per provider and model", async () => {
    const owner = await createAccount({ label: "contract-llm" });
    const db = await inspectDb();
    const call = { tenantId: owner.tenantId, provider: "openai", model: "gpt-4o-mini", purpose: "dcl.map", latencyMs: 300 };
    await recordLlmCall(db, { ...call, inputTokens: 100, outputTokens: 20, error: null });
    await recordLlmCall(db, { ...call, inputTokens: 10, outputTokens: 0, latencyMs: 900, error: "timeout" });

    const usage = await callOperation("getLlmUsage", {
      token: owner.token,
      query: { since: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(usage.status).toBe(200);
    expect(usage.json.totals).toEqual({ calls: 2, errors: 1, inputTokens: 110, outputTokens: 20 });
    expect(usage.json.models).toEqual([
      {
        provider: "openai",
        model: "gpt-4o-mini",
        calls: 2,
        errors: 1,
        inputTokens: 110,
        outputTokens: 20,
        avgLatencyMs: 600,
        maxLatencyMs: 900,
      },
    ]);
  });
});
