import { afterEach, describe, expect, it } from "vitest";
import { GET as driftRoute } from "@/app/api/v1/aam/drift/route";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { GET as streamsRoute } from "@/app/api/v1/aam/connections/[id]/streams/route";
import { GET as getRoute } from "@/app/api/v1/aam/connections/[id]/route";
import { scopedDb } from "../support/db";
import { workflows } from "@/lib/tasks/workflows";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow } from "../support/aam";
import { FakeSalesforce, type FakeRecord } from "../support/fake-salesforce";
import { startFakeMongo } from "../support/fake-mongodb";
import { call } from "../support/http";
import { testEngine, waitForStatus } from "../support/tasks";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function driftOf(owner: TestAccount, id: string) {
  const res = await call(driftRoute, "GET", `/api/v1/aam/drift?connectionId=${id}`, { token: owner.token });
  return res.json.events.map((e: { kind: string; field: string; previousField: string | null }) => [e.kind, e.field, e.previousField]);
}

const stamp = (n: number) => new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString().replace("Z", "+0000");
const account = (n: number): FakeRecord => ({
  Id: `001${String(n).padStart(15, "0")}`,
  Name: `Account ${n}`,
  Phone: `555-01${n}`,
  SystemModstamp: stamp(n),
});

describe("AAM through the platform: Salesforce and MongoDB", () => {
  it("syncs Salesforce as a task on the embedded engine, then reports a field Salesforce dropped", async () => {
    const fake = await FakeSalesforce.start({
      pageSize: 4,
      objects: {
        Account: {
          fields: [
            { name: "Id", type: "id", nillable: false },
            { name: "Name", type: "string", nillable: false },
            { name: "Phone", type: "phone" },
            { name: "SystemModstamp", type: "datetime", nillable: false },
          ],
          records: Array.from({ length: 10 }, (_, i) => account(i + 1)),
        },
      },
    });
    cleanup.push(() => fake.close());
    const owner = await createAccount({ label: "aam-sf" });
    const conn = await createConnectionVia(owner.token, {
      name: "Salesforce",
      type: "salesforce",
      schemaPolicy: "propagate_all",
      config: {
        loginUrl: fake.url,
        clientId: "fake-client-id",
        clientSecret: "fake-client-secret",
        refreshToken: "fake-refresh-token",
        objects: ["Account"],
      },
    });
    expect(conn.secretsSet).toEqual(["clientSecret", "refreshToken"]);
    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    cleanup.push(() => engine.stop());

    const ctx = {
      tenantId: owner.tenantId,
      actor: { userId: owner.userId, role: "owner" as const, via: "bearer" as const },
      db: await scopedDb(owner.tenantId),
    };
    const queued = await call(syncRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
    expect(queued.status).toBe(202);
    const done = await waitForStatus(ctx, queued.json.task.id, "success");
    expect(done.result).toMatchObject({ read: { Account: { stored: 10, quarantined: 0 } } });
    expect(fake.counts.queryMore).toBeGreaterThan(0);
    // Discovery and reading share one connector: one sign-in per sync.
    expect(fake.counts.token).toBe(1);

    fake.objects.Account!.fields = fake.objects.Account!.fields.filter((f) => f.name !== "Phone");
    for (const r of fake.objects.Account!.records) delete r.Phone;
    const second = await call(syncRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
    await waitForStatus(ctx, second.json.task.id, "success");
    expect(await driftOf(owner, conn.id)).toEqual([["field_removed", "Phone", null]]);
  });

  it("syncs MongoDB collections with nested fields, and recognises a renamed nested field", async () => {
    const docs = Array.from({ length: 12 }, (_, i) => ({
      _id: i + 1,
      name: `Site ${i}`,
      address: { city: ["Lyon", "Oslo", "Kyiv"][i % 3], zip: `0${i}` },
    }));
    const fake = await startFakeMongo({ sites: docs });
    cleanup.push(() => fake.close());
    const owner = await createAccount({ label: "aam-mongo" });
    const conn = await createConnectionVia(owner.token, {
      name: "Mongo",
      type: "mongodb",
      schemaPolicy: "propagate_all",
      config: { url: fake.url, database: "app" },
    });

    const first = await syncNow(owner.tenantId, conn.id);
    expect(first.read).toEqual({ sites: { stored: 12, quarantined: 0 } });
    const streams = await call(streamsRoute, "GET", "/x", { token: owner.token, params: { id: conn.id } });
    expect(streams.json.streams[0].schema.fields.map((f: { name: string }) => f.name)).toEqual([
      "_id",
      "name",
      "address.city",
      "address.zip",
    ]);

    fake.collections.sites = docs.map(({ address, ...rest }) => ({ ...rest, address: { town: address.city, zip: address.zip } }));
    await syncNow(owner.tenantId, conn.id);
    expect(await driftOf(owner, conn.id)).toEqual([["field_renamed", "address.town", "address.city"]]);

    // A source that goes away leaves the connection in error, with the connector's own words.
    await fake.close();
    await expect(syncNow(owner.tenantId, conn.id)).rejects.toMatchObject({ kind: "unreachable" });
    const after = await call(getRoute, "GET", "/x", { token: owner.token, params: { id: conn.id } });
    expect(after.json.connection).toMatchObject({
      status: "error",
      lastSyncStatus: "failed",
      statusMessage: "Could not connect to the source.",
    });
  });
});
