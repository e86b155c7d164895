import { describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { callOperation } from "../support/http";

/*
 * An integrator's walk through tasks and the tenant's events: every operation called by its
 * operationId on real data, each answer checked against the OpenAPI document by `call`. No engine
 * runs here, so tasks stay queued until cancelled.
 */

describe("the tasks and events API contract", () => {
  it("queues, lists, pages, sorts, reads, cancels and retries tasks", async () => {
    const { token } = await createAccount({ label: "contract-tasks" });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await callOperation("postTasks", { token, body: { type: "dcl.rebuild", input: {}, idempotencyKey: `rebuild-${i}` } });
      expect(created.status).toBe(201);
      expect(created.json.task).toMatchObject({ type: "dcl.rebuild", status: "queued", attempts: 0, idempotencyKey: `rebuild-${i}` });
      ids.push(created.json.task.id);
    }
    // The same idempotency key answers the task it created, and queues nothing.
    const again = await callOperation("postTasks", { token, body: { type: "dcl.rebuild", input: {}, idempotencyKey: "rebuild-0" } });
    expect([again.status, again.headers.get("idempotent-replayed"), again.json.task.id]).toEqual([200, "true", ids[0]]);

    // Newest first: two pages that continue each other without overlap.
    const page1 = await callOperation("getTasks", { token, query: { limit: "2", type: "dcl.rebuild" } });
    expect(page1.status).toBe(200);
    expect(page1.json.tasks.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    const page2 = await callOperation("getTasks", { token, query: { limit: "2", type: "dcl.rebuild", cursor: page1.json.nextCursor } });
    expect(page2.json.tasks.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
    expect(page2.json.nextCursor).toBeNull();
    const oldestFirst = await callOperation("getTasks", { token, query: { sort: "createdAt" } });
    expect(oldestFirst.json.tasks.map((t: { id: string }) => t.id)).toEqual(ids);

    const read = await callOperation("getTasksById", { token, params: { id: ids[1]! } });
    expect(read.status).toBe(200);
    expect(read.json.task).toMatchObject({ id: ids[1], history: [], lastError: null, result: null, engine: "embedded" });

    const cancelled = await callOperation("postTasksByIdCancel", { token, params: { id: ids[1]! } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.task.status).toBe("cancelled");
    expect(cancelled.json.task.finishedAt).not.toBeNull();
    // Sorted by finish time, only finished tasks are listed.
    const finished = await callOperation("getTasks", { token, query: { sort: "-finishedAt" } });
    expect(finished.json.tasks.map((t: { id: string }) => t.id)).toEqual([ids[1]]);

    const retried = await callOperation("postTasksByIdRetry", { token, params: { id: ids[1]! } });
    expect(retried.status).toBe(200);
    expect(retried.json.task).toMatchObject({ id: ids[1], status: "queued", finishedAt: null });
    expect((await callOperation("getTasks", { token, query: { status: "queued" } })).json.tasks).toHaveLength(3);
  }, 120_000);

  it("pages the event log by cursor, and opens the live stream where the client left off", async () => {
    const { token } = await createAccount({ label: "contract-events" });
    const task = await callOperation("postTasks", { token, body: { type: "dcl.rebuild", input: {} } });
    await callOperation("postTasksByIdCancel", { token, params: { id: task.json.task.id } });

    const first = await callOperation("getEvents", { token, query: { limit: "1", types: "task.updated" } });
    expect(first.status).toBe(200);
    expect(first.json.events).toEqual([
      expect.objectContaining({ type: "task.updated", data: { taskId: task.json.task.id, kind: "dcl.rebuild", status: "queued" } }),
    ]);
    const second = await callOperation("getEvents", { token, query: { limit: "1", cursor: first.json.nextCursor } });
    expect(second.json.events).toEqual([
      expect.objectContaining({ type: "task.updated", data: expect.objectContaining({ status: "cancelled" }) }),
    ]);
    expect(BigInt(second.json.events[0].id)).toBeGreaterThan(BigInt(first.json.events[0].id));
    expect(second.json.nextCursor).toBeNull();

    // Resuming after the first event replays the second, then says it is ready.
    const stream = await callOperation("getEventsStream", { token, query: { lastEventId: first.json.events[0].id } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const replayed = `id: ${second.json.events[0].id}\nevent: task.updated\n`;
    expect(stream.json).toContain(replayed);
    expect(stream.json.indexOf(replayed)).toBeLessThan(stream.json.indexOf("event: ready"));
  }, 120_000);
});
