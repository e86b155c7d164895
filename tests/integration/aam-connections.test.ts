import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/aam/connections/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/aam/connections/[id]/route";
import { POST as discoverRoute } from "@/app/api/v1/aam/connections/[id]/discover/route";
import { POST as uploadRoute } from "@/app/api/v1/aam/connections/[id]/files/route";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { POST as createRoute } from "@/app/api/v1/aam/connections/route";
import { GET as healthRoute } from "@/app/api/v1/aam/healthz/route";
import { inspectDb, scopedDb } from "../support/db";
import { readEvents } from "@/lib/aam/segments/events";
import { readConfig } from "@/lib/aam/connections";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { call } from "../support/http";

const PG_URL = "postgresql://reader:s3cret-pass@db.example.test:5432/sales";

describe("AAM connections API", () => {
  it("encrypts credentials at rest and never returns them; an update without them keeps them", async () => {
    const owner = await createAccount({ label: "aam-secrets" });
    const created = await createConnectionVia(owner.token, { name: "Sales DB", type: "postgres", config: { url: PG_URL } });
    expect(created.config).toMatchObject({ url: "postgresql://reader:********@db.example.test:5432/sales", schema: "public" });
    expect(created.secretsSet).toEqual(["url"]);

    const row = await (await inspectDb()).connection.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.configCipher).not.toContain("s3cret");
    expect(
      JSON.stringify(
        await call(getRoute, "GET", `/api/v1/aam/connections/${created.id}`, { token: owner.token, params: { id: created.id } }),
      ),
    ).not.toContain("s3cret");

    const patched = await call(patchRoute, "PATCH", `/x`, {
      token: owner.token,
      params: { id: created.id },
      body: { config: { schema: "crm" }, schemaPolicy: "pause_on_breaking" },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.connection).toMatchObject({ schemaPolicy: "pause_on_breaking", config: { schema: "crm" } });
    expect(await readConfig(await (await inspectDb()).connection.findUniqueOrThrow({ where: { id: created.id } }))).toMatchObject({
      url: PG_URL,
      schema: "crm",
    });
  });

  it("rejects bad configs, duplicate names and directories outside the allowed roots with clear 4xx", async () => {
    const owner = await createAccount({ label: "aam-bad" });
    const badUrl = await call(createRoute, "POST", "/x", {
      token: owner.token,
      body: { name: "x", type: "postgres", config: { url: "mysql://nope" } },
    });
    expect(badUrl.status).toBe(422);
    expect(badUrl.json.error.details.issues[0].path).toBe("config.url");

    const badType = await call(createRoute, "POST", "/x", { token: owner.token, body: { name: "x", type: "oracle", config: {} } });
    expect(badType.status).toBe(422);

    const outside = await call(createRoute, "POST", "/x", {
      token: owner.token,
      body: { name: "etc", type: "file", config: { source: "directory", directory: "/etc" } },
    });
    expect(outside.status).toBe(422);
    expect(outside.json.error.message).toMatch(/outside the folders/);

    await createConnectionVia(owner.token, { name: "Same", type: "file", config: {} });
    const dup = await call(createRoute, "POST", "/x", { token: owner.token, body: { name: "Same", type: "file", config: {} } });
    expect(dup.status).toBe(409);
  });

  it("refuses uploads with bad names, no content or 10,000 columns, and keeps good ones", async () => {
    const owner = await createAccount({ label: "aam-upload" });
    const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: {} });
    expect((await uploadFile(owner.token, conn.id, "../escape.csv", "a\n1\n")).status).toBe(422);
    expect((await uploadFile(owner.token, conn.id, "run.sh", "echo")).status).toBe(422);
    expect((await uploadFile(owner.token, conn.id, "empty.csv", "")).status).toBe(422);
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    const tooWide = await uploadFile(owner.token, conn.id, "wide.csv", `${wide}\n${wide}\n`);
    expect(tooWide.status).toBe(422);
    expect(tooWide.json.error.message).toBe("wide.csv has 10,000 columns; at most 2,000 are supported");
    const declaredTooBig = await call(uploadRoute, "POST", `/x?name=big.csv`, {
      token: owner.token,
      rawBody: "id\n1\n",
      headers: { "content-type": "text/csv", "content-length": String(200 * 1024 * 1024) },
      params: { id: conn.id },
    });
    expect(declaredTooBig.status).toBe(413);
    const ok = await uploadFile(owner.token, conn.id, "accounts.csv", "id,name\n1,Acme\n");
    expect(ok.status).toBe(201);
    const discovered = await call(discoverRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
    expect(discovered.json.streams.map((s: { name: string }) => s.name)).toEqual(["accounts.csv"]);
  });

  it("keeps every connection inside its tenant: another tenant gets 404 for each action", async () => {
    const a = await createAccount({ label: "aam-a" });
    const b = await createAccount({ label: "aam-b" });
    const conn = await createConnectionVia(a.token, { name: "A's files", type: "file", config: {} });
    const params = { id: conn.id };
    expect((await call(getRoute, "GET", "/x", { token: b.token, params })).status).toBe(404);
    expect((await call(patchRoute, "PATCH", "/x", { token: b.token, params, body: { name: "stolen" } })).status).toBe(404);
    expect((await call(syncRoute, "POST", "/x", { token: b.token, params })).status).toBe(404);
    expect((await call(discoverRoute, "POST", "/x", { token: b.token, params })).status).toBe(404);
    expect((await uploadFile(b.token, conn.id, "x.csv", "a\n1\n")).status).toBe(404);
    expect((await call(deleteRoute, "DELETE", "/x", { token: b.token, params })).status).toBe(404);
    expect((await call(listRoute, "GET", "/x", { token: b.token })).json.connections).toEqual([]);
    expect((await call(getRoute, "GET", "/x", { token: a.token, params })).json.connection.name).toBe("A's files");
  });

  it("answers the AAM health check with the database status", async () => {
    const res = await call(healthRoute, "GET", "/api/v1/aam/healthz");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", database: { status: "ok" } });
  });
});

describe("records with fields named like Object.prototype's", () => {
  it("are stored with those fields as data", async () => {
    const owner = await createAccount({ label: "proto" });
    const conn = await createConnectionVia(owner.token, { name: "Protos", type: "file", config: {} });
    expect((await uploadFile(owner.token, conn.id, "p.csv", "id,__proto__,constructor,prototype\n1,a,b,c\n")).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    const {
      events: [event],
    } = await readEvents({ tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) }, conn.id, { limit: 10 });
    expect(JSON.parse(JSON.stringify(event!.payload))).toEqual(JSON.parse('{"id":1,"__proto__":"a","constructor":"b","prototype":"c"}'));
  });
});
