import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { GET as connectorsRoute } from "@/app/api/v1/aam/connectors/route";
import { GET as driftRoute } from "@/app/api/v1/aam/drift/route";
import { POST as acceptRoute } from "@/app/api/v1/aam/connections/[id]/schema/accept/route";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { GET as quarantineRoute } from "@/app/api/v1/aam/connections/[id]/quarantine/route";
import { GET as eventsRoute } from "@/app/api/v1/aam/connections/[id]/events/route";
import { GET as streamsRoute } from "@/app/api/v1/aam/connections/[id]/streams/route";
import { recordDiscovery } from "@/lib/aam/drift/record-discovery";
import type { SourceStream } from "@/lib/aam/connectors/types";
import { inspectDb, scopedDb } from "../support/db";
import { getKv } from "@/lib/kv";
import { tenantChannel } from "@/lib/events/publish";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, deleteFile, syncNow, uploadFile } from "../support/aam";
import { call } from "../support/http";

const V1 =
  "id,name,email,amount,phone\n1,Acme,ops@acme.test,100,555-0100\n2,Globex,hi@globex.test,250,555-0101\n3,Initech,it@initech.test,75,555-0102\n";
// email renamed, phone removed, industry added, amount widened to decimals, name now has a blank.
const V2 =
  "id,name,email_address,amount,industry\n1,Acme,ops@acme.test,100.5,Energy\n2,,hi@globex.test,250,Retail\n3,Initech,it@initech.test,75.25,Media\n";

async function setup(label: string, schemaPolicy: string, files: Record<string, string> = { "accounts.csv": V1 }) {
  const owner = await createAccount({ label });
  const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: {}, schemaPolicy });
  for (const [name, content] of Object.entries(files)) expect((await uploadFile(owner.token, conn.id, name, content)).status).toBe(201);
  const first = await syncNow(owner.tenantId, conn.id);
  return { owner, id: conn.id, first };
}

async function drift(owner: TestAccount, connectionId: string) {
  const res = await call(driftRoute, "GET", `/api/v1/aam/drift?connectionId=${connectionId}`, { token: owner.token });
  return (
    res.json.events as {
      kind: string;
      field: string | null;
      previousField: string | null;
      severity: string;
      status: string;
      confidence: number | null;
      stream: string;
    }[]
  ).sort((a, b) => `${a.kind}${a.field}`.localeCompare(`${b.kind}${b.field}`));
}

describe("AAM sync and drift", () => {
  it("stores every record as a canonical event once; an unchanged source yields no drift and nothing new", async () => {
    const { owner, id, first } = await setup("aam-sync", "propagate_all");
    expect(first).toMatchObject({ streams: 1, driftChanges: 0, read: { "accounts.csv": { stored: 3, quarantined: 0 } } });
    const again = await syncNow(owner.tenantId, id);
    expect(again).toMatchObject({ driftChanges: 0, read: { "accounts.csv": { stored: 0, quarantined: 0 } } });
    expect(await drift(owner, id)).toEqual([]);

    const events = await call(eventsRoute, "GET", "/x", { token: owner.token, params: { id } });
    expect(events.json.events).toHaveLength(3);
    const streams = await call(streamsRoute, "GET", "/x", { token: owner.token, params: { id } });
    const accepted = streams.json.streams[0];
    expect(accepted).toMatchObject({ name: "accounts.csv", recordCount: 3, pendingSchema: null });
    expect(events.json.events[0]).toMatchObject({ stream: "accounts.csv", operation: "upsert", payload: { id: expect.any(Number) } });
    expect(accepted.schema.fields.map((f: { name: string }) => f.name)).toEqual(["id", "name", "email", "amount", "phone"]);
  });

  it("records the source's own type names without reporting drift for streams discovered before them", async () => {
    const { owner, id } = await setup("drift-source-types", "pause_on_breaking");
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    const connection = await scope.db.connection.findFirstOrThrow({ where: { id, tenantId: owner.tenantId } });
    const stream = (sourceTypes: boolean): SourceStream => ({
      name: "typed_accounts",
      primaryKey: null,
      cursorField: null,
      sample: [{ id: 1, name: "Acme" }],
      fields: [
        { name: "id", type: "integer", nullable: true, ...(sourceTypes ? { sourceType: "int4" } : {}) },
        { name: "name", type: "string", nullable: true, ...(sourceTypes ? { sourceType: "varchar" } : {}) },
      ],
    });
    await recordDiscovery(scope, connection, { streams: [stream(false)], problems: [] });
    const before = await drift(owner, id);
    const outcome = await recordDiscovery(scope, connection, { streams: [stream(true)], problems: [] });
    expect(outcome).toMatchObject({ changes: 0, pending: 0, paused: false });
    expect(await drift(owner, id)).toEqual(before);
    const row = await scope.db.connectionStream.findFirstOrThrow({ where: { connectionId: id, name: "typed_accounts" } });
    const fingerprint = await scope.db.schemaFingerprint.findFirstOrThrow({
      where: { id: (row.acceptedFingerprintId ?? row.pendingFingerprintId)! },
    });
    expect(fingerprint.fields).toEqual([
      { name: "id", type: "integer", nullable: true, sourceType: "int4" },
      { name: "name", type: "string", nullable: true, sourceType: "varchar" },
    ]);
  });

  it("classifies each change precisely: a rename is a rename, not a drop and an add", async () => {
    const { owner, id } = await setup("aam-kinds", "propagate_all");
    await uploadFile(owner.token, id, "accounts.csv", V2);
    const result = await syncNow(owner.tenantId, id);
    expect(result.driftChanges).toBe(5);
    const events = await drift(owner, id);
    expect(events.map((e) => [e.kind, e.field, e.previousField, e.severity, e.status])).toEqual([
      ["field_added", "industry", null, "non_breaking", "applied"],
      ["field_removed", "phone", null, "breaking", "applied"],
      ["field_renamed", "email_address", "email", "breaking", "applied"],
      ["nullability_changed", "name", null, "potentially_breaking", "applied"],
      ["type_changed", "amount", null, "non_breaking", "applied"],
    ]);
    expect(events.find((e) => e.kind === "field_renamed")!.confidence).toBeGreaterThan(0.8);
    // The new records were read under the new schema.
    expect(result.read["accounts.csv"]!.stored).toBe(3);
    expect((await syncNow(owner.tenantId, id)).driftChanges).toBe(0);
  });

  it("reports streams added and removed", async () => {
    const { owner, id } = await setup("aam-streams", "propagate_all", { "accounts.csv": V1, "old.csv": "id\n1\n" });
    expect((await deleteFile(owner.token, id, "old.csv")).status).toBe(204);
    expect((await deleteFile(owner.token, id, "old.csv")).status).toBe(404);
    await uploadFile(owner.token, id, "new.csv", "id\n1\n");
    await syncNow(owner.tenantId, id);
    expect((await drift(owner, id)).map((e) => [e.kind, e.stream, e.severity])).toEqual([
      ["stream_added", "new.csv", "non_breaking"],
      ["stream_removed", "old.csv", "breaking"],
    ]);
    const removed = await (await inspectDb()).connectionStream.findFirstOrThrow({ where: { connectionId: id, name: "old.csv" } });
    expect(removed.status).toBe("removed");
  });

  it("pauses on a breaking change under pause_on_breaking, refuses syncs, and resumes once accepted", async () => {
    const { owner, id } = await setup("aam-pause", "pause_on_breaking");
    const slackMessages: string[] = [];
    const slack = http.createServer((req, res) => {
      let body = "";
      req
        .on("data", (c) => (body += c))
        .on("end", () => {
          slackMessages.push(JSON.parse(body).text);
          res.end("ok");
        });
    });
    await new Promise<void>((r) => slack.listen(0, "127.0.0.1", r));
    await (await inspectDb()).tenant.update({
      where: { id: owner.tenantId },
      data: { slackWebhookUrl: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T/B/X` },
    });
    const live: string[] = [];
    const unsubscribe = await getKv().subscribe(tenantChannel(owner.tenantId), (m) => live.push(m));
    await uploadFile(owner.token, id, "accounts.csv", V2);
    const paused = await syncNow(owner.tenantId, id);
    await expect.poll(() => live.map((m) => JSON.parse(m).type)).toContain("aam.drift.detected");
    await unsubscribe();
    expect(JSON.parse(live.find((m) => m.includes("drift"))!).data).toEqual({ connectionId: id, changes: 5, pending: 5, paused: true });
    // A person is needed: Slack hears about it.
    await expect.poll(() => slackMessages).toEqual([expect.stringContaining("5 schema change(s) on *Uploads*")]);
    expect(slackMessages[0]).toContain("paused the connection");
    slack.close();
    expect(paused).toMatchObject({ paused: true, streams: 0 });
    expect((await drift(owner, id)).every((e) => e.status === "pending")).toBe(true);

    const refused = await call(syncRoute, "POST", "/x", { token: owner.token, params: { id } });
    expect(refused.status).toBe(409);
    const overview = await call(connectorsRoute, "GET", "/x", { token: owner.token });
    expect(overview.json.connectors[0]).toMatchObject({ id, status: "paused", has_drift: true, last_event_type: expect.any(String) });

    const accepted = await call(acceptRoute, "POST", "/x", { token: owner.token, params: { id } });
    expect(accepted.json).toEqual({ accepted: 5, resumed: true });
    const after = await syncNow(owner.tenantId, id);
    expect(after).toMatchObject({ paused: false, driftChanges: 0, read: { "accounts.csv": { stored: 3 } } });
    expect((await call(connectorsRoute, "GET", "/x", { token: owner.token })).json.connectors[0]).toMatchObject({
      status: "active",
      has_drift: false,
    });
  });

  it("under propagate_additive, applies additions and holds breaking changes without reporting them twice", async () => {
    const { owner, id } = await setup("aam-additive", "propagate_additive");
    await uploadFile(
      owner.token,
      id,
      "accounts.csv",
      V1.replace("phone\n", "phone,segment\n").replace(/555-010(\d)\n/g, "555-010$1,smb\n"),
    );
    await syncNow(owner.tenantId, id);
    expect((await drift(owner, id)).map((e) => [e.kind, e.status])).toEqual([["field_added", "applied"]]);

    await uploadFile(owner.token, id, "accounts.csv", "id,name,email,amount,segment\n1,Acme,ops@acme.test,100,smb\n");
    const held = await syncNow(owner.tenantId, id);
    expect(held).toMatchObject({ paused: false, pendingChanges: 1 });
    await syncNow(owner.tenantId, id);
    expect((await drift(owner, id)).map((e) => [e.kind, e.field, e.status])).toEqual([
      ["field_added", "segment", "applied"],
      ["field_removed", "phone", "pending"],
    ]);
  });

  it("quarantines broken rows with the reason and keeps the rest of the batch", async () => {
    const { owner, id, first } = await setup("aam-quarantine", "propagate_all", {
      "mixed.csv": 'id,name,note\n1,ok,"<script>alert(1)</script>"\n2,short\n3,"x\'); DROP TABLE connections;--",fine\n',
    });
    expect(first.read["mixed.csv"]).toEqual({ stored: 2, quarantined: 1 });
    const q = await call(quarantineRoute, "GET", "/x", { token: owner.token, params: { id } });
    expect(q.json.records).toEqual([
      expect.objectContaining({ stream: "mixed.csv", reason: "row has 2 fields; the header has 3", location: "line 3", raw: "2,short\n" }),
    ]);
    const events = await call(eventsRoute, "GET", "/x", { token: owner.token, params: { id } });
    expect(events.json.events.map((e: { payload: { name: string } }) => e.payload.name).sort()).toEqual(
      ["ok", "x'); DROP TABLE connections;--"].sort(),
    );
    // Re-reading the same file quarantines nothing twice.
    await uploadFile(
      owner.token,
      id,
      "mixed.csv",
      'id,name,note\n1,ok,"<script>alert(1)</script>"\n2,short\n3,"x\'); DROP TABLE connections;--",fine\n\n',
    );
    expect((await syncNow(owner.tenantId, id)).read["mixed.csv"]).toEqual({ stored: 0, quarantined: 0 });
  });
});
