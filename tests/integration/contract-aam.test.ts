import { describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "../support/accounts";
import { syncNow } from "../support/aam";
import { callOperation } from "../support/http";

/*
 * An integrator's walk through the AAM API (connections, their files, streams, events, quarantine
 * and schema changes, the overview, health): every operation called by its operationId on real
 * data, each answer checked against the OpenAPI document by `call`.
 */

const ACCOUNTS = "id,name,email\n1,Acme,ops@acme.test\n2,Globex,hi@globex.test\n3,Initech,it@initech.test\n";
// email renamed, industry added: changes the connection's policy holds for a person.
const ACCOUNTS_V2 = "id,name,email_address,industry\n1,Acme,ops@acme.test,Energy\n2,Globex,hi@globex.test,Retail\n";
// The third row has one value too few: quarantined, the others stored.
const MIXED = "id,note\n1,fine\n2,also fine\n3\n";

const upload = (token: string, id: string, name: string, content: string) =>
  callOperation("postAamConnectionsByIdFiles", {
    token,
    params: { id },
    query: { name },
    rawBody: content,
    headers: { "content-type": "text/csv" },
  });

/** Every page of a list, following `nextCursor`, `limit` at a time. */
async function allPages(
  operationId: string,
  key: string,
  options: { token: string; params?: Record<string, string>; query?: Record<string, string> },
  limit: number,
) {
  const pages: { id?: string; name?: string }[][] = [];
  let cursor: string | null = null;
  do {
    const res = await callOperation(operationId, {
      ...options,
      query: { ...options.query, limit: String(limit), ...(cursor ? { cursor } : {}) },
    });
    expect(res.status).toBe(200);
    expect(res.json[key].length).toBeLessThanOrEqual(limit);
    pages.push(res.json[key]);
    cursor = res.json.nextCursor;
  } while (cursor);
  return pages;
}

const create = (owner: TestAccount, body: Record<string, unknown>) => callOperation("postAamConnections", { token: owner.token, body });

describe("the AAM API contract", () => {
  it("answers its health check", async () => {
    const health = await callOperation("getAamHealthz");
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: "ok", database: { status: "ok" } });
  });

  it("walks an upload connection from creation to deletion: files, sync, streams, events, quarantine, schema changes", async () => {
    const owner = await createAccount({ label: "contract-aam" });
    const token = owner.token;

    const created = await create(owner, { name: "Uploads", type: "file", config: {}, schemaPolicy: "require_approval" });
    expect(created.status).toBe(201);
    expect(created.json.connection).toMatchObject({ type: "file", status: "active", safeMode: false, lastSyncAt: null });
    const id: string = created.json.connection.id;
    const params = { id };

    const read = await callOperation("getAamConnectionsById", { token, params });
    expect(read.status).toBe(200);
    expect(read.json.connection).toMatchObject({ id, name: "Uploads", config: { source: "upload" } });

    const renamed = await callOperation("patchAamConnectionsById", { token, params, body: { name: "Accounts upload" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.connection).toMatchObject({ id, name: "Accounts upload", schemaPolicy: "require_approval" });

    const stored = await upload(token, id, "accounts.csv", ACCOUNTS);
    expect(stored.status).toBe(201);
    expect(stored.json.file).toEqual({ name: "accounts.csv", bytes: Buffer.byteLength(ACCOUNTS) });
    expect((await upload(token, id, "mixed.csv", MIXED)).status).toBe(201);
    expect((await upload(token, id, "zz-old.csv", "id\n1\n")).status).toBe(201);

    // Files by name, one a page: three pages that continue each other.
    const filePages = await allPages("getAamConnectionsByIdFiles", "files", { token, params }, 1);
    expect(filePages.flat().map((f) => f.name)).toEqual(["accounts.csv", "mixed.csv", "zz-old.csv"]);
    expect(filePages).toHaveLength(3);

    const removed = await callOperation("deleteAamConnectionsByIdFiles", { token, params, query: { name: "zz-old.csv" } });
    expect(removed.status).toBe(204);
    const files = await callOperation("getAamConnectionsByIdFiles", { token, params });
    expect(files.json).toEqual({
      files: [
        { name: "accounts.csv", bytes: Buffer.byteLength(ACCOUNTS) },
        { name: "mixed.csv", bytes: Buffer.byteLength(MIXED) },
      ],
      nextCursor: null,
    });

    const check = await callOperation("postAamConnectionsByIdCheck", { token, params });
    expect(check.status).toBe(200);
    expect(check.json).toEqual({ ok: true, latencyMs: expect.any(Number) });

    const discovered = await callOperation("postAamConnectionsByIdDiscover", { token, params });
    expect(discovered.status).toBe(200);
    expect(discovered.json.streams.map((s: { name: string }) => s.name)).toEqual(["accounts.csv", "mixed.csv"]);
    expect(discovered.json.streams[0]).toMatchObject({
      primaryKey: ["id"],
      sample: [{ id: 1, name: "Acme", email: "ops@acme.test" }, {}, {}],
    });

    await syncNow(owner.tenantId, id);

    const streams = await callOperation("getAamConnectionsByIdStreams", { token, params });
    expect(streams.status).toBe(200);
    expect(streams.json.nextCursor).toBeNull();
    expect(streams.json.streams).toEqual([
      expect.objectContaining({ name: "accounts.csv", status: "active", recordCount: 3, pendingSchema: null }),
      expect.objectContaining({ name: "mixed.csv", status: "active", recordCount: 2 }),
    ]);
    expect(streams.json.streams[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(["id", "name", "email"]);
    const streamPages = await allPages("getAamConnectionsByIdStreams", "streams", { token, params }, 1);
    expect(streamPages.flat().map((s) => s.name)).toEqual(["accounts.csv", "mixed.csv"]);

    // Events newest first, two a page, paged by the event cursor: no event twice, none missed.
    const eventPages = await allPages("getAamConnectionsByIdEvents", "events", { token, params }, 2);
    const eventIds = eventPages.flat().map((e) => e.id);
    expect(eventIds).toHaveLength(5);
    expect(new Set(eventIds).size).toBe(5);
    const accounts = await callOperation("getAamConnectionsByIdEvents", { token, params, query: { stream: "accounts.csv" } });
    expect(accounts.json.events).toHaveLength(3);
    expect(accounts.json.events[0]).toMatchObject({ connectionId: id, stream: "accounts.csv", operation: "upsert" });

    const quarantine = await callOperation("getAamConnectionsByIdQuarantine", { token, params });
    expect(quarantine.status).toBe(200);
    expect(quarantine.json).toEqual({
      records: [expect.objectContaining({ stream: "mixed.csv", reason: "row has 1 fields; the header has 2", raw: "3\n" })],
      nextCursor: null,
    });

    // The policy holds every change for a person.
    expect((await upload(token, id, "accounts.csv", ACCOUNTS_V2)).status).toBe(201);
    await syncNow(owner.tenantId, id);
    const pending = await callOperation("getAamDrift", { token, query: { connectionId: id, status: "pending" } });
    expect(pending.status).toBe(200);
    expect(pending.json.events.map((e: { kind: string; field: string }) => `${e.kind} ${e.field}`).sort()).toEqual([
      "field_added industry",
      "field_renamed email_address",
    ]);
    expect(pending.json.nextCursor).toBeNull();
    const accepted = await callOperation("postAamConnectionsByIdSchemaAccept", { token, params, body: { stream: "accounts.csv" } });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ accepted: 2, resumed: false });
    const decided = await callOperation("getAamDrift", { token, query: { connectionId: id, status: "accepted", limit: "1" } });
    expect(decided.json.events).toHaveLength(1);
    expect(decided.json.nextCursor).toBe(decided.json.events[0].id);

    const paused = await callOperation("postAamConnectionsByIdPause", { token, params });
    expect(paused.status).toBe(200);
    expect(paused.json.connection).toMatchObject({ status: "paused", statusMessage: "Paused by a person" });
    const resumed = await callOperation("postAamConnectionsByIdResume", { token, params });
    expect(resumed.status).toBe(200);
    expect(resumed.json.connection).toMatchObject({ status: "active", statusMessage: null, lastSyncStatus: "success" });

    const sync = await callOperation("postAamConnectionsByIdSync", { token, params });
    expect(sync.status).toBe(202);
    expect(sync.json.task).toMatchObject({ type: "connector.sync", input: { connectionId: id } });

    const overview = await callOperation("getAamConnectors", { token });
    expect(overview.status).toBe(200);
    expect(overview.json).toEqual({
      connectors: [expect.objectContaining({ id, name: "Accounts upload", source_type: "file", has_drift: false })],
      nextCursor: null,
    });
    expect(overview.json.connectors[0].last_event_type).toMatch(/^field_(added|renamed)$/);

    const deleted = await callOperation("deleteAamConnectionsById", { token, params });
    expect(deleted.status).toBe(204);
    expect((await callOperation("getAamConnectionsById", { token, params })).status).toBe(404);
  });

  it("promotes a safe-mode connection out of safe mode and queues its full sync", async () => {
    const owner = await createAccount({ label: "contract-aam-promote" });
    const created = await create(owner, { name: "Trial", type: "file", config: { source: "upload" }, safeMode: true });
    expect(created.json.connection).toMatchObject({ safeMode: true, sampleRowLimit: 1_000, schemaPolicy: "require_approval" });
    const promoted = await callOperation("postAamConnectionsByIdPromote", {
      token: owner.token,
      params: { id: created.json.connection.id },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.json).toMatchObject({
      connection: { safeMode: false, sampleRowLimit: null },
      streamsReset: 0,
      mappingsApproved: 0,
      sync: { type: "connector.sync", status: "queued" },
    });
  });

  it("pages, sorts and filters the connections list", async () => {
    const owner = await createAccount({ label: "contract-aam-list" });
    const token = owner.token;
    const ids: string[] = [];
    for (const name of ["Charlie", "Alpha", "Bravo"])
      ids.push((await create(owner, { name, type: "file", config: {} })).json.connection.id);
    await callOperation("postAamConnectionsByIdPause", { token, params: { id: ids[2]! } });

    // Oldest first by default; two pages of two that continue each other.
    const first = await callOperation("getAamConnections", { token, query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.json.connections.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    expect(first.json.nextCursor).toBe(ids[1]);
    const second = await callOperation("getAamConnections", { token, query: { limit: "2", cursor: first.json.nextCursor } });
    expect(second.json).toEqual({ connections: [expect.objectContaining({ id: ids[2], name: "Bravo" })], nextCursor: null });

    const byName = await allPages("getAamConnections", "connections", { token, query: { sort: "-name" } }, 2);
    expect(byName.flat().map((c) => c.name)).toEqual(["Charlie", "Bravo", "Alpha"]);

    const paused = await callOperation("getAamConnections", { token, query: { status: "paused", type: "file" } });
    expect(paused.json).toEqual({ connections: [expect.objectContaining({ name: "Bravo", status: "paused" })], nextCursor: null });

    const overview = await allPages("getAamConnectors", "connectors", { token }, 2);
    expect(overview.flat().map((c) => c.id)).toEqual(ids);
  });
});
