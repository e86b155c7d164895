import { appendFileSync } from "node:fs";
import { z } from "zod";
import { defineWorkflow, type Workflow } from "@/lib/tasks/workflow";
import { PermanentTaskError, type TaskType } from "@/lib/tasks/types";
import { UserFacingError } from "@/lib/errors";
import type { WorkflowRegistry } from "@/lib/tasks/workflows";

/** Workflows with controllable behaviour, registered under real task types for engine tests. */
export const calls = new Map<string, string[]>();
const record = (taskId: string, what: string) => calls.set(taskId, [...(calls.get(taskId) ?? []), what]);
export const running = {
  byTenant: new Map<string, number>(),
  maxByTenant: new Map<string, number>(),
  startedAt: new Map<string, number>(),
};

const Any = z.object({ ms: z.number().optional() }).passthrough();

export const testWorkflows: WorkflowRegistry = new Map<TaskType, Workflow<any>>([
  // Two steps and a follow-up task: the happy path and the chain.
  [
    "connector.sync",
    defineWorkflow({
      type: "connector.sync",
      description: "test: two steps then a follow-up",
      input: Any,
      maxAttempts: 3,
      async run({ taskId, step }) {
        const a = await step.run("read", async () => (record(taskId, "read"), { rows: 3 }));
        await step.run("normalize", async () => record(taskId, "normalize"));
        return { summary: { rows: a.rows }, next: [{ type: "drift.check", input: {} }] };
      },
    }),
  ],
  [
    "drift.check",
    defineWorkflow({
      type: "drift.check",
      description: "test: follow-up",
      input: Any,
      maxAttempts: 3,
      async run({ taskId, step }) {
        await step.run("check", async () => record(taskId, "check"));
        return { summary: { drift: 0 } };
      },
    }),
  ],
  // Fails twice, then succeeds; the first step is never re-run.
  [
    "kb.ingest",
    defineWorkflow({
      type: "kb.ingest",
      description: "test: flaky",
      input: Any,
      maxAttempts: 3,
      async run({ taskId, step, attempt }) {
        await step.run("prepare", async () => record(taskId, "prepare"));
        await step.run("flaky", async () => {
          record(taskId, `flaky#${attempt}`);
          if (attempt < 3) throw new UserFacingError(`transient failure ${attempt}`);
        });
        return { summary: { ok: true } };
      },
    }),
  ],
  [
    "agent.run",
    defineWorkflow({
      type: "agent.run",
      description: "test: permanent failure",
      input: Any,
      maxAttempts: 5,
      async run({ taskId, step }) {
        await step.run("fail", async () => {
          record(taskId, "fail");
          throw new PermanentTaskError("the source is gone");
        });
        return { summary: {} };
      },
    }),
  ],
  // Writes each step's execution to a file, so a test in another process can see what ran.
  [
    "drift.repair",
    defineWorkflow({
      type: "drift.repair",
      description: "test: observable steps",
      input: z.object({ file: z.string(), ms: z.number() }),
      maxAttempts: 3,
      async run({ input, step }) {
        await step.run("a", async () => appendFileSync(input.file, "a\n"));
        await step.run("b", async () => {
          appendFileSync(input.file, "b-start\n");
          await new Promise((r) => setTimeout(r, input.ms));
          appendFileSync(input.file, "b-end\n");
        });
        return { summary: { done: true } };
      },
    }),
  ],
  // Slow work that records per-tenant concurrency.
  [
    "dcl.rebuild",
    defineWorkflow({
      type: "dcl.rebuild",
      description: "test: slow",
      input: Any,
      maxAttempts: 1,
      async run({ taskId, tenantId, input, step }) {
        running.startedAt.set(taskId, Date.now());
        const n = (running.byTenant.get(tenantId) ?? 0) + 1;
        running.byTenant.set(tenantId, n);
        running.maxByTenant.set(tenantId, Math.max(n, running.maxByTenant.get(tenantId) ?? 0));
        try {
          await step.run("first", async () => new Promise((r) => setTimeout(r, input.ms ?? 300)));
          await step.run("second", async () => record(taskId, "second"));
        } finally {
          running.byTenant.set(tenantId, (running.byTenant.get(tenantId) ?? 1) - 1);
        }
        return { summary: {} };
      },
    }),
  ],
]);
