import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listTasks, POST as createTask } from "@/app/api/v1/tasks/route";
import { GET as getTask } from "@/app/api/v1/tasks/[id]/route";
import { POST as cancelTask } from "@/app/api/v1/tasks/[id]/cancel/route";
import { POST as retryTask } from "@/app/api/v1/tasks/[id]/retry/route";
import { createAccount, joinTenant } from "../support/accounts";
import { call } from "../support/http";

const kbInput = () => ({ type: "kb.ingest", input: { documentIds: [randomUUID()] } });

describe("task REST API", () => {
  it("creates, reads, lists with filters and pagination, and is idempotent by key", async () => {
    const a = await createAccount({ label: "tasks-api" });
    const first = await call(createTask, "POST", "/api/v1/tasks", { token: a.token, body: { ...kbInput(), idempotencyKey: "k1" } });
    expect(first.status).toBe(201);
    expect(first.json.task).toMatchObject({ status: "queued", type: "kb.ingest", attempts: 0, engine: "embedded" });
    const again = await call(createTask, "POST", "/api/v1/tasks", { token: a.token, body: { ...kbInput(), idempotencyKey: "k1" } });
    expect(again.status).toBe(200);
    expect(again.json.task.id).toBe(first.json.task.id);
    for (let i = 0; i < 3; i++) await call(createTask, "POST", "/x", { token: a.token, body: kbInput() });

    const page1 = await call(listTasks, "GET", "/api/v1/tasks?limit=3&status=queued", { token: a.token });
    expect(page1.json.tasks).toHaveLength(3);
    const page2 = await call(listTasks, "GET", `/api/v1/tasks?limit=3&cursor=${page1.json.nextCursor}`, { token: a.token });
    expect(page2.json.tasks).toHaveLength(1);
    expect(page2.json.nextCursor).toBeNull();
    const one = await call(getTask, "GET", "/x", { token: a.token, params: { id: first.json.task.id } });
    expect(one.json.task.history).toEqual([]);
  });

  it("validates the task type and its input", async () => {
    const a = await createAccount({ label: "tasks-bad" });
    const unknown = await call(createTask, "POST", "/x", { token: a.token, body: { type: "rm -rf", input: {} } });
    expect(unknown.status).toBe(422);
    const badInput = await call(createTask, "POST", "/x", { token: a.token, body: { type: "kb.ingest", input: { documentIds: "all" } } });
    expect(badInput.status).toBe(422);
    expect(badInput.json.error.message).toMatch(/documentIds/);
    const badQuery = await call(listTasks, "GET", "/x?status=exploded", { token: a.token });
    expect(badQuery.status).toBe(422);
  });

  it("cancels a queued task once, and retries only failed or cancelled ones whose target still exists", async () => {
    const a = await createAccount({ label: "tasks-cancel" });
    const { json } = await call(createTask, "POST", "/x", { token: a.token, body: { type: "dcl.rebuild", input: {} } });
    const id = json.task.id;
    expect((await call(retryTask, "POST", "/x", { token: a.token, params: { id } })).status).toBe(409);
    expect((await call(cancelTask, "POST", "/x", { token: a.token, params: { id } })).json.task.status).toBe("cancelled");
    expect((await call(cancelTask, "POST", "/x", { token: a.token, params: { id } })).status).toBe(409);
    expect((await call(retryTask, "POST", "/x", { token: a.token, params: { id } })).json.task.status).toBe("queued");

    // Ingesting documents that do not exist can never work: Retry says so instead of queueing it again.
    const ingest = (await call(createTask, "POST", "/x", { token: a.token, body: kbInput() })).json.task.id;
    await call(cancelTask, "POST", "/x", { token: a.token, params: { id: ingest } });
    const refused = await call(retryTask, "POST", "/x", { token: a.token, params: { id: ingest } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe("This task can't be retried: the document was deleted");
  });

  it("lets a viewer read tasks but not create or cancel them", async () => {
    const owner = await createAccount({ label: "tasks-owner" });
    const viewer = await createAccount({ label: "tasks-viewer" });
    const token = await joinTenant(owner, viewer, "viewer");
    const { json } = await call(createTask, "POST", "/x", { token: owner.token, body: kbInput() });
    expect((await call(listTasks, "GET", "/x", { token })).json.tasks).toHaveLength(1);
    expect((await call(createTask, "POST", "/x", { token, body: kbInput() })).status).toBe(403);
    expect((await call(cancelTask, "POST", "/x", { token, params: { id: json.task.id } })).status).toBe(403);
  });

  it("keeps tasks inside their tenant: another tenant can neither see, read, cancel nor retry them", async () => {
    const a = await createAccount({ label: "tasks-a" });
    const b = await createAccount({ label: "tasks-b" });
    const { json } = await call(createTask, "POST", "/x", { token: a.token, body: { ...kbInput(), idempotencyKey: "shared-key" } });
    const id = json.task.id;
    expect((await call(listTasks, "GET", "/x", { token: b.token })).json.tasks).toEqual([]);
    const read = await call(getTask, "GET", "/x", { token: b.token, params: { id } });
    const missing = await call(getTask, "GET", "/x", { token: b.token, params: { id: randomUUID() } });
    expect(read.status).toBe(404);
    expect(read.json.error).toEqual(missing.json.error);
    expect((await call(cancelTask, "POST", "/x", { token: b.token, params: { id } })).status).toBe(404);
    expect((await call(retryTask, "POST", "/x", { token: b.token, params: { id } })).status).toBe(404);
    expect((await call(listTasks, "GET", `/x?cursor=${id}`, { token: b.token })).status).toBe(422);
    // The same idempotency key in another tenant is a different task.
    const bTask = await call(createTask, "POST", "/x", { token: b.token, body: { ...kbInput(), idempotencyKey: "shared-key" } });
    expect(bTask.status).toBe(201);
    expect(bTask.json.task.id).not.toBe(id);
    expect((await call(getTask, "GET", "/x", { token: a.token, params: { id } })).json.task.status).toBe("queued");
  });
});
