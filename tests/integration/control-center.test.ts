import { describe, expect, it } from "vitest";
import { DEMO_CONNECTION } from "@/lib/aam/demo-sources";
import { listAgents } from "@/lib/agents/registry";
import type { TenantContext } from "@/lib/auth/context";
import { loadControlCenter } from "@/lib/control-center/overview";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { inspectDb, scopedDb } from "../support/db";

/** The owner's context, as the page gets it. */
async function ownerContext(label: string) {
  const owner = await createAccount({ label });
  const ctx: TenantContext = {
    tenantId: owner.tenantId,
    actor: { userId: owner.userId, role: "owner", via: "session" },
    db: await scopedDb(owner.tenantId),
  };
  return { owner, ctx };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/**
 * A tenant with something of everything: a file connection synced twice (one record changed, one
 * added in between), tasks that succeeded, failed and wait, schema changes, mappings, repairs,
 * model calls and a FinOps run. Written directly, as the workflows would have, except the syncs.
 */
async function busyTenant(label: string) {
  const { owner, ctx } = await ownerContext(label);
  const db = await inspectDb();
  const tenantId = owner.tenantId;
  const conn = await createConnectionVia(owner.token, { name: "Accounts", type: "file", config: { source: "upload" } });
  expect((await uploadFile(owner.token, conn.id, "a.csv", "id,name\n1,Acme\n2,Globex\n3,Initech\n")).status).toBe(201);
  await syncNow(tenantId, conn.id);
  expect((await uploadFile(owner.token, conn.id, "a.csv", "id,name\n1,Acme\n2,Globex Corp\n3,Initech\n4,Umbrella\n")).status).toBe(201);
  await syncNow(tenantId, conn.id);

  const task = (status: "success" | "failed" | "queued", extra: object = {}) => ({
    tenantId,
    type: "dcl.rebuild",
    input: {},
    status,
    maxAttempts: 3,
    engine: "embedded",
    ...extra,
  });
  await db.task.createMany({
    data: [
      task("success", { finishedAt: hoursAgo(1) }),
      task("success", { finishedAt: hoursAgo(2) }),
      task("success", { finishedAt: hoursAgo(30) }),
      task("failed", { finishedAt: hoursAgo(3), lastErrorMessage: "The views could not be rebuilt" }),
      task("queued"),
      // Created 10 days ago: in the trend, not in the last 7 days' failure rate.
      task("failed", { createdAt: hoursAgo(240), finishedAt: hoursAgo(240) }),
    ],
  });
  const drift = (status: string, field: string) => ({
    tenantId,
    connectionId: conn.id,
    stream: "a.csv",
    kind: "field_added",
    severity: "non_breaking",
    field,
    status,
  });
  await db.driftEvent.createMany({ data: [drift("applied", "x"), drift("applied", "y"), drift("pending", "z")] });
  const mapping = (field: string, status: "approved" | "proposed", extra: object = {}) => ({
    tenantId,
    connectionId: conn.id,
    sourceStream: "a.csv",
    sourceField: field,
    ontologyField: `account.${field}`,
    confidence: 0.9,
    method: "exact",
    status,
    version: 1,
    ...extra,
  });
  await db.mappingRegistry.createMany({
    data: [
      mapping("name", "approved", { decidedAt: new Date() }),
      mapping("id", "approved", { decidedById: owner.userId, decidedAt: new Date() }),
      mapping("domain", "proposed"),
      mapping("region", "proposed", { method: "repair", ontologyField: "account.region" }),
    ],
  });
  const decision = (action: string) => ({
    tenantId,
    connectionId: conn.id,
    kind: "repair",
    itemId: conn.id,
    action,
    stream: "a.csv",
    field: "name",
    target: "account.name",
    before: {},
    after: {},
  });
  await db.reviewDecision.createMany({ data: [decision("auto_apply"), decision("reject")] });
  await db.llmCall.createMany({
    data: [
      {
        tenantId,
        provider: "openai",
        model: "gpt-4o-mini",
        purpose: "nlp.ask",
        inputTokens: 100,
        outputTokens: 20,
        latencyMs: 300,
        error: null,
      },
      {
        tenantId,
        provider: "openai",
        model: "gpt-4o-mini",
        purpose: "dcl.match",
        inputTokens: 50,
        outputTokens: 0,
        latencyMs: 200,
        error: "timeout",
      },
    ],
  });
  const finops = (await listAgents(ctx)).find((a) => a.slug === "finops")!;
  await db.agentRun.create({
    data: {
      tenantId,
      agentId: finops.id,
      trigger: "manual",
      status: "success",
      findings: 3,
      newFindings: 1,
      finishedAt: new Date(),
      figures: {
        spend: {
          window: { from: "2026-10-01", to: "2026-10-30" },
          totals: [
            { currency: "EUR", cost: 90, last_7_days: 20, previous_7_days: 25 },
            { currency: "USD", cost: 1234.5, last_7_days: 400, previous_7_days: 300 },
          ],
          daily: {
            service: [
              { day: "2026-10-29", currency: "USD", service: "EC2", cost: 10 },
              { day: "2026-10-29", currency: "USD", service: "S3", cost: 5 },
              { day: "2026-10-30", currency: "EUR", service: "EC2", cost: 7 },
            ],
          },
        },
        anomalies: { count: 2, impact: [{ currency: "USD", per: "once", amount: 88.5, findings: 2 }] },
      },
    },
  });
  return { owner, ctx, connectionId: conn.id };
}

describe("the Control Center", () => {
  it("counts what the tenant has, each record once whatever its versions, and only the tenant's own", async () => {
    const a = await busyTenant("cc-a");
    // Another tenant with as much again: none of it may show in the first one's figures.
    await busyTenant("cc-b");

    const cc = await loadControlCenter(a.ctx, { demo: false });

    expect(cc.connections).toMatchObject({ total: 1, byStatus: { active: 1, paused: 0, error: 0 }, lastSyncFailed: 0 });
    // 3 records, then 1 changed and 1 added: 4 records held, 5 versions stored.
    expect(cc.ingest).toMatchObject({ currentRecords: 4, storedVersions: 5, quarantined: 0 });
    const today = cc.ingest.daily.at(-1)!;
    expect(today).toMatchObject({ new: 4, updated: 1 });
    expect(cc.ingest.daily).toHaveLength(14);

    expect(cc.tasks.recent).toEqual({ queued: 1, in_progress: 0, success: 3, failed: 1, cancelled: 0 });
    expect(cc.tasks.failureRate).toBe(0.25);
    expect(cc.tasks.activeNow).toBe(1);
    expect(cc.tasks.daily.reduce((n, d) => n + d.failed, 0)).toBe(2);
    expect(cc.tasks.daily.reduce((n, d) => n + d.succeeded, 0)).toBe(3);

    expect(cc.drift).toMatchObject({
      detected: 3,
      applied: 2,
      held: 1,
      waitingNow: 1,
      repairs: { autoApplied: 1, rejected: 1, waitingNow: 1 },
    });
    expect(cc.mappings).toMatchObject({ inForce: 2, automatic: 1, waitingNow: 1 });
    expect(cc.llm).toMatchObject({ calls: 2, errors: 1, inputTokens: 150, outputTokens: 20 });
    expect(cc.llm.daily.at(-1)).toMatchObject({ tokens: 170, calls: 2 });

    const finops = cc.agents.finops;
    expect(finops.panel.mode).toBe("live");
    expect(finops.run).toMatchObject({ findings: 3, newFindings: 1 });
    // The currency with the most spend leads; amounts in other currencies are never added to it.
    expect(finops.figures?.spend).toMatchObject({
      total: { amount: 1234.5, currency: "USD" },
      others: [{ amount: 90, currency: "EUR" }],
      last7: 400,
      previous7: 300,
    });
    expect(finops.figures?.anomalies).toEqual({ count: 2, impact: [{ amount: 88.5, currency: "USD" }] });
    expect(finops.figures?.trend).toEqual([{ day: "2026-10-29", cost: 15 }]);
    expect(cc.agents.revops).toMatchObject({ figures: null, run: null, failed: null });

    const texts = cc.activity.items.map((i) => i.text);
    expect(texts).toContain("FinOps agent found 3 findings (1 new)");
    expect(texts).toContain("Rebuilding the unified views failed: The views could not be rebuilt");
    expect(texts).toContain("3 schema changes on Accounts: 2 applied, 1 waiting for review");
    expect(texts.filter((t) => t.startsWith("The repair agent remapped a.csv.name"))).toHaveLength(1);
    expect(cc.activity.items.length).toBeLessThanOrEqual(10);
    expect(cc.activity.items.every((i, k, all) => k === 0 || all[k - 1]!.at >= i.at)).toBe(true);

    // Connected, mapped and an agent ran: the guide is done with.
    expect(cc.guide).toMatchObject({ show: false, current: null });
  });

  it("gives an empty workspace the first-run guide at its first step, and no figure it does not have", async () => {
    const { ctx } = await ownerContext("cc-empty");

    const cc = await loadControlCenter(ctx, { demo: false });

    expect(cc.guide.show).toBe(true);
    expect(cc.guide.current).toBe("connect");
    expect(cc.guide.steps.map((s) => [s.id, s.href, s.done])).toEqual([
      ["connect", "/connections", false],
      ["review", "/ontology", false],
      ["agent", "/agents", false],
      ["ask", "/assistant", false],
    ]);
    expect(cc.connections.total).toBe(0);
    expect(cc.ingest).toMatchObject({ currentRecords: 0, storedVersions: 0 });
    expect(cc.tasks.failureRate).toBeNull();
    expect(cc.agents.finops).toMatchObject({ figures: null, run: null, panel: { mode: "live" } });
    expect(cc.activity.items).toEqual([]);
  });

  it("labels the agents' figures Demo in demo mode, and every other panel Live", async () => {
    const { ctx } = await ownerContext("cc-demo");

    const cc = await loadControlCenter(ctx, { demo: true });

    expect(cc.agents.finops.panel).toMatchObject({ mode: "demo" });
    expect(cc.agents.revops.panel).toMatchObject({ mode: "demo" });
    expect(cc.agents.finops.figures?.spend?.total.amount).toBeGreaterThan(0);
    for (const panel of [cc.connections, cc.ingest, cc.drift, cc.mappings, cc.tasks, cc.llm, cc.activity].map((p) => p.panel))
      expect(panel.mode).toBe("live");
  });

  it("labels figures computed only from the demo workspace's sample files Demo, and figures with any other source Live", async () => {
    const { owner, ctx } = await ownerContext("cc-samples");
    const db = await inspectDb();
    const tenantId = owner.tenantId;
    const connection = (name: string) => db.connection.create({ data: { tenantId, name, type: "file", configCipher: "v1.x.x.x" } });
    const samples = await connection(DEMO_CONNECTION);
    const own = await connection("Cloud exports");
    const source = (connectionId: string) => ({
      connectionId,
      stream: "cur.csv",
      entity: "cost",
      rows: 1,
      mappedFields: 1,
      mappingVersion: 1,
    });
    const finops = (await listAgents(ctx)).find((a) => a.slug === "finops")!;
    const runOn = async (sources: ReturnType<typeof source>[]) => {
      const build = await db.viewBuild.create({ data: { tenantId, ontologyVersion: "v1", recordsLoaded: 1, entities: [], sources } });
      await db.agentRun.create({
        data: { tenantId, agentId: finops.id, trigger: "manual", status: "success", buildId: build.id, figures: {} },
      });
    };

    await runOn([source(samples.id)]);
    expect((await loadControlCenter(ctx, { demo: false })).agents.finops.panel).toMatchObject({
      mode: "demo",
      source: expect.stringContaining("sample files"),
    });

    await runOn([source(samples.id), source(own.id)]);
    expect((await loadControlCenter(ctx, { demo: false })).agents.finops.panel.mode).toBe("live");
  });
});
