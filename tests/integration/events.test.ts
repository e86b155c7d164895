import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/events/route";
import { GET as streamRoute } from "@/app/api/v1/events/stream/route";
import type { TenantScope } from "@/lib/auth/context";
import { publishTenantEvent } from "@/lib/events/publish";
import { allowedEventTypes } from "@/lib/events/scopes";
import { tenantEventStream } from "@/lib/events/stream";
import { createTask } from "@/lib/tasks/tasks";
import { createAccount, type TestAccount } from "../support/accounts";
import { scopedDb } from "../support/db";
import { call } from "../support/http";
import { testEngine, waitForStatus } from "../support/tasks";
import { testWorkflows } from "../support/test-workflows";

/*
 * The live event stream as clients use it: each tenant receives exactly its own events in order,
 * a reconnect with Last-Event-ID loses none, progress is live only, and the log pages by cursor.
 */

type Frame = { id?: string; event: string; data: any };

/** An open SSE connection to the route, read frame by frame. */
function openStream(token: string, { lastEventId, query = "" }: { lastEventId?: string; query?: string } = {}) {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  const req = new NextRequest(new URL(`/api/v1/events/stream${query}`, "http://localhost:3000"), { headers, signal: abort.signal });
  const response = streamRoute(req, { params: Promise.resolve({}) });
  let buffer = "";
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const decoder = new TextDecoder();
  const stream = {
    response,
    async next(): Promise<Frame> {
      reader ??= (await response).body!.getReader();
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(":")) continue; // a keep-alive comment
          const fields = Object.fromEntries(
            block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
          );
          return { id: fields.id, event: fields.event!, data: JSON.parse(fields.data!) };
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    async take(n: number) {
      const frames: Frame[] = [];
      while (frames.length < n) frames.push(await stream.next());
      return frames;
    },
    close() {
      abort.abort();
      void reader?.cancel().catch(() => undefined);
    },
  };
  open.push(stream);
  return stream;
}
const open: { close(): void }[] = [];

describe("tenant events", () => {
  let a: TestAccount;
  let b: TestAccount;
  let scopeA: TenantScope;
  let scopeB: TenantScope;

  beforeAll(async () => {
    [a, b] = await Promise.all([createAccount({ label: "events-a" }), createAccount({ label: "events-b" })]);
    scopeA = { tenantId: a.tenantId, db: await scopedDb(a.tenantId) };
    scopeB = { tenantId: b.tenantId, db: await scopedDb(b.tenantId) };
  });
  afterEach(() => open.splice(0).forEach((s) => s.close()));

  it("delivers each tenant exactly its own events, in order, with growing ids", async () => {
    const streamA = openStream(a.token);
    const streamB = openStream(b.token);
    const [readyA] = await streamA.take(1);
    const [readyB] = await streamB.take(1);
    expect(readyA).toMatchObject({ event: "ready" });
    expect(readyB).toMatchObject({ event: "ready" });

    for (let i = 1; i <= 3; i++) await publishTenantEvent(scopeA, "inbox.changed", { n: i, tenant: "a" });
    for (let i = 1; i <= 2; i++) await publishTenantEvent(scopeB, "dcl.views.rebuilt", { n: i, tenant: "b" });
    await publishTenantEvent(scopeA, "agent.run.finished", { n: 4, tenant: "a" });

    const gotA = await streamA.take(4);
    const gotB = await streamB.take(2);
    expect(gotA.map((f) => [f.event, f.data.data.n, f.data.data.tenant])).toEqual([
      ["inbox.changed", 1, "a"],
      ["inbox.changed", 2, "a"],
      ["inbox.changed", 3, "a"],
      ["agent.run.finished", 4, "a"],
    ]);
    expect(gotB.map((f) => [f.event, f.data.data.n, f.data.data.tenant])).toEqual([
      ["dcl.views.rebuilt", 1, "b"],
      ["dcl.views.rebuilt", 2, "b"],
    ]);
    const ids = gotA.map((f) => BigInt(f.id!));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(BigInt(gotA[0]!.id!)).toBeGreaterThan(BigInt(readyA.id!));
    // Nothing of A's reached B: B's next frame is its own next event.
    await publishTenantEvent(scopeB, "inbox.changed", { n: 3, tenant: "b" });
    expect((await streamB.next()).data.data).toEqual({ n: 3, tenant: "b" });
  });

  it("replays what a reconnecting client missed, then goes on live, without duplicates", async () => {
    const first = openStream(a.token);
    await first.take(1);
    await publishTenantEvent(scopeA, "task.updated", { step: 1 });
    const seen = await first.next();
    first.close();
    for (let step = 2; step <= 4; step++) await publishTenantEvent(scopeA, "task.updated", { step });
    await publishTenantEvent(scopeB, "task.updated", { step: "b" });

    const again = openStream(a.token, { lastEventId: seen.id });
    const replay = await again.take(4);
    expect(replay.slice(0, 3).map((f) => f.data.data.step)).toEqual([2, 3, 4]);
    expect(replay[3]).toMatchObject({ event: "ready", data: { replayed: 3 } });
    expect(replay[3]!.id).toBe(replay[2]!.id);
    await publishTenantEvent(scopeA, "task.updated", { step: 5 });
    expect((await again.next()).data.data).toEqual({ step: 5 });
  });

  it("filters by type, keeps progress live only, and refuses a malformed resume point", async () => {
    const stream = openStream(a.token, { query: "?types=aam.sync.progress" });
    await stream.take(1);
    await publishTenantEvent(scopeA, "inbox.changed", { skipped: true });
    await publishTenantEvent(scopeA, "aam.sync.progress", { rowsStored: 10 });
    const progress = await stream.next();
    expect(progress).toMatchObject({ event: "aam.sync.progress", id: undefined, data: { data: { rowsStored: 10 } } });
    const log = await call(listRoute, "GET", "/api/v1/events?types=aam.sync.progress", { token: a.token });
    expect(log.json.events).toEqual([]);

    const bad = await call(streamRoute, "GET", "/api/v1/events/stream", { token: a.token, headers: { "last-event-id": "abc" } });
    expect(bad.status, JSON.stringify(bad.json)).toBe(422);
    expect(
      (await call(streamRoute, "GET", "/api/v1/events/stream", { token: a.token, headers: { "last-event-id": "99999999999999999999" } }))
        .status,
    ).toBe(422);
    const unknown = await call(streamRoute, "GET", "/api/v1/events/stream?types=nope", { token: a.token });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toContain("Unknown event type nope");
    expect((await call(streamRoute, "GET", "/api/v1/events/stream", {})).status).toBe(401);
  });

  it("pages the log by cursor, tenant by tenant", async () => {
    const c = await createAccount({ label: "events-c" });
    const scopeC = { tenantId: c.tenantId, db: await scopedDb(c.tenantId) };
    for (let i = 1; i <= 5; i++) await publishTenantEvent(scopeC, "inbox.changed", { i });
    const first = await call(listRoute, "GET", "/api/v1/events?limit=2", { token: c.token });
    expect(first.json.events.map((e: any) => e.data.i)).toEqual([1, 2]);
    const second = await call(listRoute, "GET", `/api/v1/events?limit=2&cursor=${first.json.nextCursor}`, { token: c.token });
    expect(second.json.events.map((e: any) => e.data.i)).toEqual([3, 4]);
    const last = await call(listRoute, "GET", `/api/v1/events?limit=2&cursor=${second.json.nextCursor}`, { token: c.token });
    expect(last.json).toMatchObject({ events: [{ type: "inbox.changed", data: { i: 5 } }], nextCursor: null });
    const other = await call(listRoute, "GET", "/api/v1/events?limit=500", { token: b.token });
    expect(other.json.events.some((e: any) => "i" in e.data)).toBe(false);
  });

  it("follows a task's life: queued, each attempt, its retries and its end", async () => {
    const ctx = { tenantId: a.tenantId, db: scopeA.db, actor: { userId: a.userId, role: "owner" as const, via: "bearer" as const } };
    const stream = openStream(a.token, { query: "?types=task.updated" });
    await stream.take(1);
    const { task } = await createTask({ ctx, input: { type: "kb.ingest", input: {} }, workflows: testWorkflows });
    const engine = await testEngine([a.tenantId], { workflows: testWorkflows });
    engine.start();
    try {
      await waitForStatus(ctx, task.id, "success");
    } finally {
      await engine.stop();
    }
    const frames = await stream.take(7);
    expect(frames.map((f) => [f.data.data.status, f.data.data.attempt])).toEqual([
      ["queued", undefined],
      ["in_progress", 1],
      ["queued", 1],
      ["in_progress", 2],
      ["queued", 2],
      ["in_progress", 3],
      ["success", 3],
    ]);
    expect(frames.every((f) => f.data.data.taskId === task.id && f.data.data.kind === "kb.ingest")).toBe(true);
    expect(frames[2]!.data.data.retryAt).toEqual(expect.any(String));
  });

  it("ends a stream whose caller lost access, and one that passed its lifetime", async () => {
    let allowed = true;
    const abort = new AbortController();
    const stream = tenantEventStream(scopeA, {
      types: ["inbox.changed"],
      signal: abort.signal,
      heartbeatMs: 20,
      stillAllowed: async () => allowed,
    });
    expect((await stream.next()).value).toMatchObject({ event: "ready" });
    expect((await stream.next()).value).toEqual({ comment: "keep-alive" });
    allowed = false;
    expect((await stream.next()).done).toBe(true);
    const short = tenantEventStream(scopeA, { types: ["inbox.changed"], signal: abort.signal, heartbeatMs: 20, lifetimeMs: 50 });
    const items = [];
    for await (const item of short) items.push(item);
    expect(items[0]).toMatchObject({ event: "ready" });
  });

  it("gives an API key only the events its scopes read, and resets a client whose resume point is gone", async () => {
    const actor = {
      userId: a.userId,
      role: "member" as const,
      via: "api_key" as const,
      apiKeyId: "k",
      scopes: ["tenant:read", "aam:read"] as const,
    };
    expect(allowedEventTypes(actor)).toEqual(["aam.sync.progress", "aam.sync.completed", "aam.drift.detected"]);
    expect(allowedEventTypes({ ...actor, scopes: ["tenant:read"] }, ["task.updated"])).toEqual([]);
    // A resume point the tenant's log does not hold (pruned; here another tenant's event id).
    await publishTenantEvent(scopeB, "inbox.changed", { b: true });
    const bLog = await call(listRoute, "GET", "/api/v1/events?limit=500", { token: b.token });
    const gone = openStream(a.token, { lastEventId: bLog.json.events[0].id });
    expect(await gone.next()).toMatchObject({ event: "reset" });
    const future = openStream(a.token, { lastEventId: "9223372036854775806" });
    const [ready] = await future.take(1);
    expect(ready).toMatchObject({ event: "ready", data: { replayed: 0 } });
    await publishTenantEvent(scopeA, "inbox.changed", { after: "future" });
    expect((await future.next()).data.data).toEqual({ after: "future" });
  });
});
