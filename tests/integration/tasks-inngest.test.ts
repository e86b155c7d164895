import { describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { createTaskFunction } from "@/inngest/create-task-function";
import { createTask, getTask } from "@/lib/tasks/tasks";
import { taskEventName, type TaskType } from "@/lib/tasks/types";
import { testWorkflows } from "../support/test-workflows";
import { tenantContext } from "../support/tasks";

const engineFor = (type: TaskType, data: Record<string, unknown>) =>
  new InngestTestEngine({ function: createTaskFunction(testWorkflows.get(type)!), events: [{ name: taskEventName(type), data }] });

/** Creates a task of `type` in a fresh tenant and a test engine holding its Inngest event. */
async function queued(type: TaskType) {
  const ctx = await tenantContext(`inngest-${type}`);
  const { task } = await createTask({ ctx, input: { type, input: {} }, workflows: testWorkflows });
  return { ctx, task, engine: engineFor(type, { taskId: task.id, tenantId: ctx.tenantId }) };
}

describe("workflows as Inngest functions", () => {
  it("runs a task to success through its steps and sends the follow-up event", async () => {
    const { ctx, task, engine } = await queued("connector.sync");
    // No Inngest server here: the event send is mocked, and asserted below.
    const {
      result,
      error,
      ctx: runCtx,
    } = await engine.execute({ steps: [{ id: "dispatch-follow-ups", handler: () => ({ ids: ["x"] }) }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ rows: 3 });
    const done = await getTask({ ctx, id: task.id });
    expect(done.status).toBe("success");
    expect(done.engineRunId).toBeTruthy();
    expect(runCtx.step.run).toHaveBeenCalledWith("read", expect.any(Function));
    expect(runCtx.step.sendEvent).toHaveBeenCalledWith("dispatch-follow-ups", [
      expect.objectContaining({ name: taskEventName("drift.check") }),
    ]);
  });

  it("turns a permanent error into a non-retriable failure and marks the task failed", async () => {
    const { ctx, task, engine } = await queued("agent.run");
    const { error } = await engine.execute();
    expect((error as Error).name).toBe("NonRetriableError");
    const failed = await getTask({ ctx, id: task.id });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toEqual({ message: "the source is gone", kind: "permanent" });
  });

  it("records a retriable step failure and leaves the retry to Inngest", async () => {
    const { ctx, task, engine } = await queued("kb.ingest");
    const { error } = await engine.execute();
    expect((error as Error).message).toContain("transient failure 1");
    const pending = await getTask({ ctx, id: task.id });
    expect(pending.status).toBe("in_progress");
    expect(pending.lastError).toEqual({ message: "transient failure 1", kind: "retriable" });
  });

  it("rejects a malformed event payload before doing any work", async () => {
    const { error } = await engineFor("connector.sync", { taskId: "nope" }).execute();
    expect(String((error as Error).message)).toMatch(/taskId|uuid/i);
  });
});
