import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { cancelTask, createTask, listTasks, retryTask } from "@/lib/tasks/tasks";
import type { EmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { calls, running, testWorkflows } from "../support/test-workflows";
import { tenantContext, testEngine, waitForStatus } from "../support/tasks";

const workflows = testWorkflows;
let engine: EmbeddedEngine | undefined;
afterEach(async () => engine?.stop());

describe("task lifecycle on the embedded engine", () => {
  it("runs a task through queued -> in_progress -> success and queues its follow-up", async () => {
    const ctx = await tenantContext("lifecycle");
    const { task } = await createTask({ ctx, input: { type: "connector.sync", input: {} }, workflows });
    expect(task.status).toBe("queued");
    engine = await testEngine([ctx.tenantId]);
    engine.start();
    const done = await waitForStatus(ctx, task.id, "success");
    expect(done.result).toEqual({ rows: 3 });
    expect(done.attempts).toBe(1);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(calls.get(task.id)).toEqual(["read", "normalize"]);
    const { tasks } = await listTasks({ ctx, query: { limit: 10, type: "drift.check" } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0].parentTaskId).toBe(task.id);
    await waitForStatus(ctx, tasks[0].id, "success");
  });

  it("retries a step that fails twice, recording each attempt, without re-running completed steps", async () => {
    const ctx = await tenantContext("flaky");
    const { task } = await createTask({ ctx, input: { type: "kb.ingest", input: {} }, workflows });
    engine = await testEngine([ctx.tenantId]);
    engine.start();
    const done = await waitForStatus(ctx, task.id, "success");
    expect(done.attempts).toBe(3);
    expect(done.history!.map((h) => [h.attempt, h.status, h.error?.kind ?? null])).toEqual([
      [1, "failed", "retriable"],
      [2, "failed", "retriable"],
      [3, "succeeded", null],
    ]);
    expect(done.history![0].error!.message).toBe("transient failure 1");
    expect(calls.get(task.id)).toEqual(["prepare", "flaky#1", "flaky#2", "flaky#3"]);
  });

  it("fails at once on a permanent error, keeps the reason and notifies Slack, even when Slack is flaky", async () => {
    const ctx = await tenantContext("permanent");
    const received: string[] = [];
    let hits = 0;
    const slack = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        hits++;
        if (hits === 1) return res.writeHead(503).end();
        received.push(JSON.parse(body).text);
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => slack.listen(0, "127.0.0.1", r));
    await ctx.db.tenant.update({
      where: { id: ctx.tenantId },
      data: { slackWebhookUrl: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T/B/X` },
    });
    try {
      const { task } = await createTask({ ctx, input: { type: "agent.run", input: {} }, workflows });
      engine = await testEngine([ctx.tenantId]);
      engine.start();
      const failed = await waitForStatus(ctx, task.id, "failed");
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toEqual({ message: "the source is gone", kind: "permanent" });
      await expect.poll(() => received.length, { timeout: 5_000 }).toBe(1);
      expect(received[0]).toMatch(/\*Run [^*]+\* failed in /);
      expect(received[0]).toContain("the source is gone");
      expect(hits).toBe(2);
    } finally {
      slack.close();
    }
  });

  it("cancels a queued task so it never runs, and a running task so its remaining steps never run", async () => {
    const ctx = await tenantContext("cancel");
    const queued = (await createTask({ ctx, input: { type: "connector.sync", input: {} }, workflows })).task;
    expect((await cancelTask({ ctx, id: queued.id })).status).toBe("cancelled");
    const slow = (await createTask({ ctx, input: { type: "dcl.rebuild", input: { ms: 600 } }, workflows })).task;
    engine = await testEngine([ctx.tenantId]);
    engine.start();
    await waitForStatus(ctx, slow.id, "in_progress");
    await cancelTask({ ctx, id: slow.id });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(calls.get(queued.id)).toBeUndefined();
    expect(calls.get(slow.id)).toBeUndefined();
    const after = await waitForStatus(ctx, slow.id, "cancelled");
    expect(after.result).toBeNull();
    await expect(cancelTask({ ctx, id: slow.id })).rejects.toThrow(/already cancelled/);
  });

  it("returns the same task for the same idempotency key", async () => {
    const ctx = await tenantContext("idem");
    const a = await createTask({ ctx, input: { type: "connector.sync", input: {}, idempotencyKey: "sync-2026-11-21" }, workflows });
    const b = await createTask({ ctx, input: { type: "connector.sync", input: {}, idempotencyKey: "sync-2026-11-21" }, workflows });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.task.id).toBe(a.task.id);
    expect((await listTasks({ ctx, query: { limit: 10 } })).tasks).toHaveLength(1);
  });

  it("retries a failed task as a new attempt of the same task", async () => {
    const ctx = await tenantContext("retry");
    const { task } = await createTask({ ctx, input: { type: "agent.run", input: {} }, workflows });
    engine = await testEngine([ctx.tenantId]);
    engine.start();
    await waitForStatus(ctx, task.id, "failed");
    await engine.stop();
    const retried = await retryTask({ ctx, id: task.id, workflows });
    expect(retried.status).toBe("queued");
    expect(retried.id).toBe(task.id);
    engine = await testEngine([ctx.tenantId]);
    engine.start();
    const again = await waitForStatus(ctx, task.id, "failed");
    expect(again.attempts).toBe(2);
    expect(again.history!.map((h) => h.attempt)).toEqual([1, 2]);
  });

  it("honours the per-tenant limit, so one tenant's burst does not starve another", async () => {
    const busy = await tenantContext("burst");
    const quiet = await tenantContext("quiet");
    const burst = [];
    for (let i = 0; i < 4; i++)
      burst.push((await createTask({ ctx: busy, input: { type: "dcl.rebuild", input: { ms: 250 } }, workflows })).task);
    const lone = (await createTask({ ctx: quiet, input: { type: "dcl.rebuild", input: { ms: 50 } }, workflows })).task;
    engine = await testEngine([busy.tenantId, quiet.tenantId], { slots: 2, perTenant: 1 });
    engine.start();
    await waitForStatus(quiet, lone.id, "success");
    const lastBurst = burst[burst.length - 1];
    expect((await waitForStatus(busy, lastBurst.id, "success")).status).toBe("success");
    expect(running.maxByTenant.get(busy.tenantId)).toBe(1);
    expect(running.startedAt.get(lone.id)!).toBeLessThan(running.startedAt.get(lastBurst.id)!);
  });
});
