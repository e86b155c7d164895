import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createConnection, deleteConnection } from "@/lib/aam/connections";
import { CreateConnectionInput } from "@/lib/aam/schemas";
import type { TenantContext } from "@/lib/auth/context";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import type { EmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { getTaskDetail } from "@/lib/tasks/task-detail";
import { listTaskRows } from "@/lib/tasks/task-rows";
import { createTask, getTask, retryTask } from "@/lib/tasks/tasks";
import type { TaskType } from "@/lib/tasks/types";
import { defineWorkflow, type Workflow } from "@/lib/tasks/workflow";
import type { WorkflowRegistry } from "@/lib/tasks/workflows";
import { tenantContext, testEngine, waitForStatus } from "../support/tasks";

const Input = z.object({ connectionId: z.string().optional(), ms: z.number().optional() }).passthrough();
const ran = new Map<string, string[]>();
const record = (taskId: string, what: string) => ran.set(taskId, [...(ran.get(taskId) ?? []), what]);

/** Workflows under real task types: a check that fails once, a sync that never connects, a slow two-step repair. */
const workflows: WorkflowRegistry = new Map<TaskType, Workflow<any>>([
  [
    "drift.check",
    defineWorkflow({
      type: "drift.check",
      description: "test: fails once",
      input: Input,
      maxAttempts: 3,
      async run({ step, attempt }) {
        const summary = await step.run("check", async () => {
          if (attempt === 1) throw new UserFacingError("The source timed out");
          return { streams: 2, driftChanges: 1, pendingChanges: 0, paused: false };
        });
        return { summary };
      },
    }),
  ],
  [
    "connector.sync",
    defineWorkflow({
      type: "connector.sync",
      description: "test: never connects",
      input: Input,
      maxAttempts: 2,
      async run({ step, taskId }) {
        await step.run("discover", async () => {
          record(taskId, "discover");
          throw new UserFacingError("Could not connect to the source.");
        });
        return { summary: {} };
      },
    }),
  ],
  [
    "drift.repair",
    defineWorkflow({
      type: "drift.repair",
      description: "test: slow, two steps",
      input: Input,
      maxAttempts: 1,
      async run({ step, taskId, input }) {
        await step.run("repair", async () => new Promise((r) => setTimeout(r, input.ms ?? 600)));
        await step.run("after", async () => record(taskId, "after"));
        return { summary: {} };
      },
    }),
  ],
]);

let engine: EmbeddedEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

const uploads = (ctx: TenantContext, name: string) =>
  createConnection({ ctx, input: CreateConnectionInput.parse({ name, type: "file", config: { source: "upload" } }) });

describe("a task's page: its history in words", () => {
  it("shows every attempt with its error, the steps, the input and the result, and only to its own tenant", async () => {
    const ctx = await tenantContext("orch-detail");
    const other = await tenantContext("orch-detail-other");
    const connection = await uploads(ctx, "Billing exports");
    const { task } = await createTask({ ctx, input: { type: "drift.check", input: { connectionId: connection.id } }, workflows });
    engine = await testEngine([ctx.tenantId], { workflows });
    engine.start();
    await waitForStatus(ctx, task.id, "success");

    const detail = await getTaskDetail({ ctx, id: task.id });
    expect(detail.title).toBe("Check Billing exports for schema drift");
    expect(detail.status).toEqual({ value: "success", label: "Succeeded", tone: "success" });
    expect(detail.summary).toBe("2 streams checked, 1 schema change");
    expect(detail.attempts).toBe("On attempt 2 of 3");
    expect(detail.origin.kind).toBe("person");
    expect(detail.rounds).toHaveLength(1);
    expect(detail.rounds[0]!.attempts.map((a) => [a.number, a.outcome, a.error])).toEqual([
      [1, "Failed", "The source timed out"],
      [2, "Succeeded", null],
    ]);
    expect(detail.rounds[0]!.attempts.every((a) => a.durationMs !== null && a.durationMs >= 0)).toBe(true);
    expect(detail.steps.map((s) => s.label)).toEqual(["Check the schema for drift"]);
    expect(detail.input).toContainEqual({ label: "Connection", value: "Billing exports", href: `/connections/${connection.id}` });
    expect(detail.durationMs).not.toBeNull();

    const { rows } = await listTaskRows({ ctx, query: { limit: 10 } });
    expect(rows.map((r) => [r.title, r.status.label, r.summary])).toEqual([
      ["Check Billing exports for schema drift", "Succeeded", "2 streams checked, 1 schema change"],
    ]);

    // Another tenant's task answers exactly like a missing one.
    await expect(getTaskDetail({ ctx: other, id: task.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTaskDetail({ ctx: other, id: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTaskRows({ ctx: other, query: { limit: 10 } })).rows).toEqual([]);
  });
});

describe("manual retry", () => {
  it("runs at once, with a fresh budget of the workflow's attempts that is recorded with who asked", async () => {
    const ctx = await tenantContext("orch-retry");
    const connection = await uploads(ctx, "Warehouse");
    // One attempt only, so the task fails before any backoff; the engine's backoff is a minute.
    const { task } = await createTask({
      ctx,
      input: { type: "connector.sync", input: { connectionId: connection.id }, maxAttempts: 1 },
      workflows,
    });
    engine = await testEngine([ctx.tenantId], { workflows, backoffBaseMs: 60_000 });
    engine.start();
    await waitForStatus(ctx, task.id, "failed");
    const before = (await listTaskRows({ ctx, query: { limit: 10 } })).rows[0]!;
    expect(before.attempts).toBe("Failed after 1 attempt");
    expect(before.canRetry).toBe(true);

    const asked = Date.now();
    const retried = await retryTask({ ctx, id: task.id, workflows });
    expect(retried.status).toBe("queued");
    // The rule: attempts used + the workflow's own budget (2), not a doubled limit.
    expect(retried.maxAttempts).toBe(1 + 2);
    expect(retried.lastError).toBeNull();

    // The retry's first attempt starts at once, not after the minute of backoff.
    await expect.poll(async () => (await getTask({ ctx, id: task.id })).attempts, { timeout: 10_000, interval: 50 }).toBe(2);
    const waiting = await waitForStatus(ctx, task.id, "queued");
    expect(ran.get(task.id)).toEqual(["discover", "discover"]);
    const second = waiting.history!.find((h) => h.attempt === 2)!;
    expect(new Date(second.startedAt).getTime() - asked).toBeLessThan(5_000);
    // Its failure backs off as a first attempt of the round does (about a minute), not as a second (two).
    expect(new Date(waiting.nextAttemptAt!).getTime() - Date.now()).toBeLessThan(80_000);

    const row = (await listTaskRows({ ctx, query: { limit: 10 } })).rows[0]!;
    expect(row.status.label).toBe("Waiting to retry");
    expect(row.attempts).toBe("Attempt 2 of 2 next");
    expect(row.retriedBy).not.toBe("a former member");
    expect(row.retriedBy).toEqual(expect.any(String));

    const detail = await getTaskDetail({ ctx, id: task.id });
    expect(detail.rounds.map((r) => [r.retry?.by ?? null, r.budget, r.attempts.map((a) => `${a.number}:${a.outcome}`)])).toEqual([
      [null, 1, ["1:Failed"]],
      [row.retriedBy, 2, ["1:Failed"]],
    ]);
    // The record is history, not a step of the workflow.
    expect(detail.steps).toEqual([]);
  });

  it("is refused, and not offered, once the connection is gone; deleting it cancels its unfinished tasks", async () => {
    const ctx = await tenantContext("orch-deleted");
    const doomed = await uploads(ctx, "Old CRM");
    const kept = await uploads(ctx, "New CRM");
    const failed = (
      await createTask({ ctx, input: { type: "connector.sync", input: { connectionId: doomed.id }, maxAttempts: 1 }, workflows })
    ).task;
    engine = await testEngine([ctx.tenantId], { workflows });
    engine.start();
    await waitForStatus(ctx, failed.id, "failed");
    await engine.stop();
    engine = undefined;
    const queued = (await createTask({ ctx, input: { type: "connector.sync", input: { connectionId: doomed.id } }, workflows })).task;
    const other = (await createTask({ ctx, input: { type: "connector.sync", input: { connectionId: kept.id } }, workflows })).task;

    await deleteConnection({ ctx, id: doomed.id });

    const cancelled = await getTask({ ctx, id: queued.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.lastError).toEqual({ message: "The connection was deleted", kind: "target_deleted" });
    expect((await getTask({ ctx, id: other.id })).status).toBe("queued");
    expect((await getTask({ ctx, id: failed.id })).status).toBe("failed");

    await expect(retryTask({ ctx, id: failed.id, workflows })).rejects.toThrow(/can't be retried: the connection was deleted/);
    await expect(retryTask({ ctx, id: queued.id, workflows })).rejects.toThrow(/the connection was deleted/);
    expect((await getTask({ ctx, id: failed.id })).status).toBe("failed");

    const rows = new Map((await listTaskRows({ ctx, query: { limit: 10 } })).rows.map((r) => [r.id, r]));
    for (const id of [failed.id, queued.id]) {
      expect(rows.get(id)).toMatchObject({
        title: "Sync a deleted connection",
        canRetry: false,
        retryBlocked: "The connection was deleted",
      });
    }
    expect(rows.get(queued.id)).toMatchObject({ status: { label: "Cancelled" }, error: "The connection was deleted" });
    expect(rows.get(other.id)).toMatchObject({ title: "Sync New CRM", canCancel: true });
  });

  it("stops a running task of a deleted connection before its next step", async () => {
    const ctx = await tenantContext("orch-deleted-running");
    const connection = await uploads(ctx, "Flaky source");
    const { task } = await createTask({ ctx, input: { type: "drift.repair", input: { connectionId: connection.id, ms: 800 } }, workflows });
    engine = await testEngine([ctx.tenantId], { workflows });
    engine.start();
    await waitForStatus(ctx, task.id, "in_progress");
    await deleteConnection({ ctx, id: connection.id });
    expect((await getTask({ ctx, id: task.id })).status).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 1_200));
    expect(ran.get(task.id)).toBeUndefined();
    const after = await getTask({ ctx, id: task.id });
    expect(after.status).toBe("cancelled");
    expect(after.lastError?.message).toBe("The connection was deleted");
  });
});
