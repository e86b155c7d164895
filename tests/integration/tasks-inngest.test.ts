import { describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { createTaskFunction } from "@/inngest/create-task-function";
import { createTask, getTask } from "@/lib/tasks/tasks";
import { taskEventName } from "@/lib/tasks/types";
import { testWorkflows } from "../support/test-workflows";
import { tenantContext } from "../support/tasks";

const fn = (type: Parameters<typeof taskEventName>[0]) => createTaskFunction(testWorkflows.get(type)!);

describe("workflows as Inngest functions", () => {
  it("runs a task to success through its steps and sends the follow-up event", async () => {
    const ctx = await tenantContext("inngest-ok");
    const { task } = await createTask({ ctx, input: { type: "connector.sync", input: {} }, workflows: testWorkflows });
    const t = new InngestTestEngine({ function: fn("connector.sync"), events: [{ name: taskEventName("connector.sync"), data: { taskId: task.id, tenantId: ctx.tenantId } }] });
    // No Inngest server here: the event send is mocked, and asserted below.
    const { result, error, ctx: runCtx } = await t.execute({ steps: [{ id: "dispatch-follow-ups", handler: () => ({ ids: ["x"] }) }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ rows: 3 });
    const done = await getTask({ ctx, id: task.id });
    expect(done.status).toBe("success");
    expect(done.engineRunId).toBeTruthy();
    expect(runCtx.step.run).toHaveBeenCalledWith("read", expect.any(Function));
    expect(runCtx.step.sendEvent).toHaveBeenCalledWith("dispatch-follow-ups", [expect.objectContaining({ name: taskEventName("drift.check") })]);
  });

  it("turns a permanent error into a non-retriable failure and marks the task failed", async () => {
    const ctx = await tenantContext("inngest-fail");
    const { task } = await createTask({ ctx, input: { type: "agent.run", input: {} }, workflows: testWorkflows });
    const t = new InngestTestEngine({ function: fn("agent.run"), events: [{ name: taskEventName("agent.run"), data: { taskId: task.id, tenantId: ctx.tenantId } }] });
    const { error } = await t.execute();
    expect((error as Error).name).toBe("NonRetriableError");
    const failed = await getTask({ ctx, id: task.id });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toEqual({ message: "the source is gone", kind: "permanent" });
  });

  it("records a retriable step failure and leaves the retry to Inngest", async () => {
    const ctx = await tenantContext("inngest-retry");
    const { task } = await createTask({ ctx, input: { type: "kb.ingest", input: {} }, workflows: testWorkflows });
    const t = new InngestTestEngine({ function: fn("kb.ingest"), events: [{ name: taskEventName("kb.ingest"), data: { taskId: task.id, tenantId: ctx.tenantId } }] });
    const { error } = await t.execute();
    expect((error as Error).message).toContain("transient failure 1");
    const pending = await getTask({ ctx, id: task.id });
    expect(pending.status).toBe("in_progress");
    expect(pending.lastError).toEqual({ message: "transient failure 1", kind: "retriable" });
  });

  it("rejects a malformed event payload before doing any work", async () => {
    const t = new InngestTestEngine({ function: fn("connector.sync"), events: [{ name: taskEventName("connector.sync"), data: { taskId: "nope" } }] });
    const { error } = await t.execute();
    expect(String((error as Error).message)).toMatch(/taskId|uuid/i);
  });

});
