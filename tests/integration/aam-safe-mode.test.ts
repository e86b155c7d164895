import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/aam/connections/[id]/route";
import { POST as checkRoute } from "@/app/api/v1/aam/connections/[id]/check/route";
import { POST as discoverRoute } from "@/app/api/v1/aam/connections/[id]/discover/route";
import { POST as promoteRoute } from "@/app/api/v1/aam/connections/[id]/promote/route";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { POST as createRoute } from "@/app/api/v1/aam/connections/route";
import { POST as decideRoute } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { GET as mappingsRoute } from "@/app/api/v1/dcl/mappings/route";
import { readBuild } from "@/lib/dcl/views/builds";
import { workflows } from "@/lib/tasks/workflows";
import { inspectDb, scopedDb } from "../support/db";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { call } from "../support/http";
import { testEngine, waitForStatus } from "../support/tasks";

type Mapping = { id: string; field: string; target: string | null; status: string; confidence: number; method: string };

const accounts = (from: number, n: number) =>
  // `Size Band` fits no field well: a proposal the matcher is not sure of.
  [
    "Id,Account Name,Website,BillingCountry,Size Band",
    ...Array.from(
      { length: n },
      (_, i) =>
        `A-${from + i},Company ${from + i},https://www.c${from + i}.example.com/about,Germany,${["11-50", "51-200", "201-500"][i % 3]}`,
    ),
  ].join("\n");

const create = (owner: TestAccount, body: Record<string, unknown>) =>
  call(createRoute, "POST", "/api/v1/aam/connections", { token: owner.token, body });
const patch = (owner: TestAccount, id: string, body: Record<string, unknown>) =>
  call(patchRoute, "PATCH", `/api/v1/aam/connections/${id}`, { token: owner.token, params: { id }, body });
const promote = (owner: TestAccount, id: string) =>
  call(promoteRoute, "POST", `/api/v1/aam/connections/${id}/promote`, { token: owner.token, params: { id } });

async function mappings(owner: TestAccount, connectionId: string): Promise<Mapping[]> {
  const res = await call(mappingsRoute, "GET", `/api/v1/dcl/mappings?connectionId=${connectionId}`, { token: owner.token });
  expect(res.status).toBe(200);
  return res.json.items;
}

const recordCount = async (connectionId: string) =>
  (await (await inspectDb()).connectionStream.findMany({ where: { connectionId } })).reduce((n, s) => n + s.recordCount, 0);

describe("safe mode: guardrails", () => {
  it("refuses propagate_all, unbounded row limits and a limit without safe mode, each naming the field and why", async () => {
    const owner = await createAccount({ label: "safe-refuse" });
    const file = { type: "file", config: { source: "upload" } };

    const propagate = await create(owner, { name: "a", ...file, safeMode: true, schemaPolicy: "propagate_all" });
    expect(propagate.status).toBe(422);
    expect(propagate.json.error.message).toMatch(
      /schemaPolicy: safe mode needs schema changes to wait for a person, and propagate_all applies every change without one/,
    );

    const zero = await create(owner, { name: "b", ...file, safeMode: true, sampleRowLimit: 0 });
    expect(zero.status).toBe(422);
    expect(zero.json.error.message).toMatch(
      /sampleRowLimit: safe mode reads a bounded sample: between 1 and 10,000 rows per stream, not 0/,
    );

    const huge = await create(owner, { name: "c", ...file, safeMode: true, sampleRowLimit: 50_000 });
    expect(huge.status).toBe(422);
    expect(huge.json.error.message).toMatch(/sampleRowLimit: .*not 50,000/);
    expect(huge.json.error.details.issues).toEqual([expect.objectContaining({ path: "sampleRowLimit" })]);

    const limitOnly = await create(owner, { name: "d", ...file, sampleRowLimit: 100 });
    expect(limitOnly.status).toBe(422);
    expect(limitOnly.json.error.message).toMatch(/sampleRowLimit: only a connection in safe mode has a sample row limit/);

    expect(await (await inspectDb()).connection.count({ where: { tenantId: owner.tenantId } })).toBe(0);
  });

  it("defaults a safe-mode connection to require_approval and 1,000 rows; an update can neither leave safe mode nor lift the limit", async () => {
    const owner = await createAccount({ label: "safe-update" });
    const safe = await create(owner, { name: "Onboarding", type: "file", config: { source: "upload" }, safeMode: true });
    expect(safe.status).toBe(201);
    expect(safe.json.connection).toMatchObject({ safeMode: true, sampleRowLimit: 1_000, schemaPolicy: "require_approval" });
    const id = safe.json.connection.id;

    const off = await patch(owner, id, { safeMode: false });
    expect(off.status).toBe(422);
    expect(off.json.error.message).toMatch(/safeMode: a connection leaves safe mode only by promotion/);
    const raised = await patch(owner, id, { sampleRowLimit: 50_000 });
    expect(raised.status).toBe(422);
    expect(raised.json.error.message).toMatch(/sampleRowLimit: .*not 50,000/);
    const propagate = await patch(owner, id, { schemaPolicy: "propagate_all" });
    expect(propagate.status).toBe(422);
    expect(propagate.json.error.message).toMatch(/schemaPolicy: .*propagate_all/);

    expect((await patch(owner, id, { sampleRowLimit: 20, schemaPolicy: "pause_on_breaking" })).status).toBe(200);
    const now = await call(getRoute, "GET", "/x", { token: owner.token, params: { id } });
    expect(now.json.connection).toMatchObject({ safeMode: true, sampleRowLimit: 20, schemaPolicy: "pause_on_breaking" });

    const normal = await createConnectionVia(owner.token, { name: "Normal", type: "file", config: { source: "upload" } });
    expect(await patch(owner, normal.id, { safeMode: true })).toMatchObject({
      status: 422,
      json: { error: { message: expect.stringMatching(/safeMode: safe mode is chosen when a connection is created/) } },
    });
    expect(await patch(owner, normal.id, { sampleRowLimit: 10 })).toMatchObject({
      status: 422,
      json: { error: { message: expect.stringMatching(/only a connection in safe mode/) } },
    });
    expect(await promote(owner, normal.id)).toMatchObject({
      status: 409,
      json: { error: { message: "The connection is not in safe mode" } },
    });
  });
});

describe("safe mode: sampled, proposed, promoted", () => {
  it("reads 10 of 30 rows, keeps proposals proposed and out of every view, then promotion reads all and approves the confident ones", async () => {
    const owner = await createAccount({ label: "safe-flow" });
    const ctx = {
      tenantId: owner.tenantId,
      actor: { userId: owner.userId, role: "owner" as const, via: "bearer" as const },
      db: await scopedDb(owner.tenantId),
    };
    const normal = await createConnectionVia(owner.token, { name: "Live CRM", type: "file", config: { source: "upload", delimiter: "," } });
    expect((await uploadFile(owner.token, normal.id, "accounts.csv", accounts(1000, 5))).status).toBe(201);
    const created = await create(owner, {
      name: "New CRM",
      type: "file",
      config: { source: "upload", delimiter: "," },
      safeMode: true,
      sampleRowLimit: 10,
    });
    expect(created.status).toBe(201);
    const safe = created.json.connection as { id: string };
    expect((await uploadFile(owner.token, safe.id, "accounts.csv", accounts(0, 30))).status).toBe(201);

    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    try {
      /** Runs a sync task to the end and answers the follow-up tasks it asked for. */
      const finish = async (taskId: string) => {
        await waitForStatus(ctx, taskId, "success");
        return ctx.db.task.findMany({ where: { tenantId: owner.tenantId, parentTaskId: taskId } });
      };
      const sync = async (id: string) => finish((await call(syncRoute, "POST", "/x", { token: owner.token, params: { id } })).json.task.id);

      // The normal connection's sync leads to a rebuild, as always.
      const [rebuild] = await sync(normal.id);
      expect(rebuild!.type).toBe("dcl.rebuild");
      await waitForStatus(ctx, rebuild!.id, "success");
      expect((await viewRows(owner.token, "account")).total).toBe(5);

      // Safe mode: 10 rows read, no rebuild asked for, every proposal waits, however confident.
      expect(await sync(safe.id)).toEqual([]);
      expect(await recordCount(safe.id)).toBe(10);
      const proposed = await mappings(owner, safe.id);
      expect(proposed.length).toBeGreaterThan(0);
      expect(proposed.every((m) => m.status === "proposed")).toBe(true);
      expect(proposed.some((m) => m.confidence >= 0.9 && m.target !== null)).toBe(true);

      // Even a mapping a person approves stays out of the views: a rebuild of the tenant (another
      // connection's sync, the Rebuild button) leaves the connection out entirely.
      const website = proposed.find((m) => m.field === "Website")!;
      expect(
        (await call(decideRoute, "POST", "/x", { token: owner.token, params: { id: website.id }, body: { decision: "approve" } })).status,
      ).toBe(200);
      await connectVia(owner.token);
      const build = await readBuild(ctx);
      expect(build.sources.map((s) => s.connectionId)).not.toContain(safe.id);
      expect((await viewRows(owner.token, "account")).total).toBe(5);
      expect((await mappings(owner, safe.id)).filter((m) => m.status !== "proposed").map((m) => m.field)).toEqual(["Website"]);

      // Sampling again reads the same first rows: nothing new, nothing skipped later.
      expect(await sync(safe.id)).toEqual([]);
      expect(await recordCount(safe.id)).toBe(10);

      const promoted = await promote(owner, safe.id);
      expect(promoted.status).toBe(200);
      expect(promoted.json).toMatchObject({
        connection: { safeMode: false, sampleRowLimit: null },
        streamsReset: 1,
        sync: { type: "connector.sync" },
      });
      // Those the matcher was sure of (not the one a person decided, nor one below the threshold).
      const confident = proposed.filter((m) => m.confidence >= 0.9 && m.field !== "Website");
      expect(confident.length).toBeGreaterThan(0);
      expect(proposed.some((m) => m.confidence < 0.9)).toBe(true);
      expect(promoted.json.mappingsApproved).toBe(confident.length);
      expect((await promote(owner, safe.id)).status).toBe(409);

      const [afterPromotion] = await finish(promoted.json.sync.id);
      expect(afterPromotion!.type).toBe("dcl.rebuild");
      await waitForStatus(ctx, afterPromotion!.id, "success");
      expect(await recordCount(safe.id)).toBe(30);
      const decided = await mappings(owner, safe.id);
      for (const m of decided) expect(m.status, m.field).toBe(m.confidence >= 0.9 || m.field === "Website" ? "approved" : "proposed");
      expect((await viewRows(owner.token, "account")).total).toBe(35);
    } finally {
      await engine.stop();
    }
  });
});

// A PostgreSQL source needs a server: the one the postgres project runs on, in a database of its own.
describe.skipIf(!process.env.DATABASE_URL)("safe mode: a PostgreSQL source", () => {
  const server = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/x");
  const database = `${server.pathname.slice(1)}_safe_source`;
  const sourceUrl = (user?: string) => {
    const url = new URL(server);
    url.pathname = `/${database}`;
    if (user) [url.username, url.password] = [user, "reader-pass"];
    return url.toString();
  };
  const reader = `aos_safe_reader_${randomUUID().slice(0, 8)}`;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: new URL("/postgres", server).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    const source = new pg.Client({ connectionString: sourceUrl() });
    await source.connect();
    await source.query(`CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL); INSERT INTO accounts VALUES (1, 'Acme');
      CREATE ROLE ${reader} LOGIN PASSWORD 'reader-pass'; GRANT USAGE ON SCHEMA public TO ${reader}; GRANT SELECT ON accounts TO ${reader};`);
    await source.end();
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${reader}`);
    await admin.end();
  });

  it("refuses a role that can write as a failed check, a 422 and a failed sync with the reason, and accepts a reader", async () => {
    const owner = await createAccount({ label: "safe-pg" });
    const params = (id: string) => ({ token: owner.token, params: { id } });
    const superuser = await createConnectionVia(owner.token, {
      name: "As superuser",
      type: "postgres",
      config: { url: sourceUrl() },
      safeMode: true,
    });
    const reason =
      /^Safe mode refuses the PostgreSQL role \w+: it is a superuser and could write to the source; connect as a role with only SELECT on schema public\.$/;

    const check = await call(checkRoute, "POST", "/x", params(superuser.id));
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ ok: false, kind: "config", message: expect.stringMatching(reason) });
    const discover = await call(discoverRoute, "POST", "/x", params(superuser.id));
    expect(discover.status).toBe(422);
    expect(discover.json.error.message).toMatch(reason);
    await expect(syncNow(owner.tenantId, superuser.id)).rejects.toThrow(reason);
    expect(await (await inspectDb()).connection.findUniqueOrThrow({ where: { id: superuser.id } })).toMatchObject({
      status: "error",
      statusMessage: expect.stringMatching(reason),
    });

    const readOnly = await createConnectionVia(owner.token, {
      name: "As reader",
      type: "postgres",
      config: { url: sourceUrl(reader) },
      safeMode: true,
    });
    expect((await call(checkRoute, "POST", "/x", params(readOnly.id))).json).toMatchObject({ ok: true });
    expect((await syncNow(owner.tenantId, readOnly.id)).read).toEqual({ accounts: { stored: 1, quarantined: 0 } });
  });
});
