import { describe, expect, it } from "vitest";
import { GET as viewsRoute } from "@/app/api/v1/dcl/views/route";
import { GET as viewRoute } from "@/app/api/v1/dcl/views/[entity]/route";
import { GET as graphRoute } from "@/app/api/v1/dcl/graph/route";
import { GET as listRoute } from "@/app/api/v1/dcl/mappings/route";
import { POST as decideRoute } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { connectDcl } from "@/lib/dcl/connect";
import { workflows } from "@/lib/tasks/workflows";
import { readBuild } from "@/lib/dcl/views/builds";
import { inspectDb, scopedDb } from "../support/db";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { call } from "../support/http";
import { testEngine, waitForStatus } from "../support/tasks";

type View = { entity: string; rows: number; sources: { rows: number }[] };

function csv(header: string[], rows: string[][]) {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\n");
}

const accounts = (n: number) =>
  csv(
    ["Id", "Account Name", "Website", "BillingCountry"],
    Array.from({ length: n }, (_, i) => [`A-${i}`, `Company ${i}`, `https://www.c${i}.example.com/about`, "Germany"]),
  );
const contacts = (n: number) =>
  csv(
    ["ContactId", "AccountId", "FirstName", "LastName", "Email"],
    Array.from({ length: n }, (_, i) => [`P-${i}`, `A-${i % 10}`, "Ada", `Person${i}`, `p${i}@c.example.com`]),
  );

async function uploadTenant(label: string) {
  const owner = await createAccount({ label });
  const conn = await createConnectionVia(owner.token, { name: "CRM export", type: "file", config: { source: "upload", delimiter: "," } });
  const load = async (files: Record<string, string>) => {
    for (const [name, content] of Object.entries(files)) expect((await uploadFile(owner.token, conn.id, name, content)).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
  };
  return { owner, connectionId: conn.id, load };
}

async function views(owner: TestAccount): Promise<View[]> {
  const res = await call(viewsRoute, "GET", "/api/v1/dcl/views", { token: owner.token });
  expect(res.status).toBe(200);
  return res.json.views;
}

describe("unified views", () => {
  it("never shows a half-built state to readers during a rebuild", async () => {
    const { owner, load } = await uploadTenant("dcl-atomic");
    await load({ "accounts.csv": accounts(1500), "contacts.csv": contacts(400) });
    await connectVia(owner.token);
    await load({ "accounts.csv": accounts(2500), "contacts.csv": contacts(900) });

    // Readers read the current build over and over while three rebuilds run.
    const seen = new Set<string>();
    let rebuilding = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (rebuilding) {
        const build = await readBuild({ tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) });
        const rows = (e: string) => build.entities.find((v) => v.entity === e)!.rows;
        for (const { entity, rows: total } of build.entities)
          expect(build.sources.filter((s) => s.entity === entity).reduce((sum, s) => sum + s.rows, 0)).toBe(total);
        seen.add(`${rows("account")}/${rows("contact")}`);
        // The embedded database runs one statement at a time and readers in a tight loop would starve the rebuild.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const db = await scopedDb(owner.tenantId);
    for (let i = 0; i < 3; i += 1) await connectDcl({ tenantId: owner.tenantId, db });
    rebuilding = false;
    await Promise.all(readers);
    expect([1500, 2500]).toContain((await viewRows(owner.token, "account", "limit=1")).total);
    for (const state of seen) expect(["1500/400", "2500/900"]).toContain(state);
    expect(seen).toContain("2500/900");
  });

  it("ends two concurrent connects in one consistent state", async () => {
    const { owner, load } = await uploadTenant("dcl-concurrent");
    await load({ "accounts.csv": accounts(300) });
    const [a, b] = await Promise.all([connectVia(owner.token), connectVia(owner.token)]);
    expect(a.build.entities).toEqual(b.build.entities);
    expect(a.proposed + a.autoApproved + b.proposed + b.autoApproved).toBe(4);
    const rows = await (await inspectDb()).mappingRegistry.groupBy({
      by: ["sourceField"],
      where: { tenantId: owner.tenantId },
      _count: true,
    });
    expect(rows.map((r) => r._count)).toEqual([1, 1, 1, 1]);
    expect((await viewRows(owner.token, "account")).total).toBe(300);
  });

  it("keeps hostile source names inert: quotes, semicolons, unicode and 1,000-character names map and read back", async () => {
    const { owner, load } = await uploadTenant("dcl-hostile");
    const long = "n".repeat(1000);
    const hostile = ['a"b', "x'); DROP TABLE account; --", "名前 😀", "semi;colon", long];
    await load({
      'o\'brien "accounts".csv': csv(["Id", ...hostile], [["H-1", 'Quote "Co"', "Retail", "Zoë", "Japan", "https://evil.example.org/x"]]),
    });
    await connectVia(owner.token);
    const targets = ["account.name", "account.industry", "account.owner", "account.country", "account.domain"];
    const listed = (await call(listRoute, "GET", "/api/v1/dcl/mappings", { token: owner.token })).json.items as {
      id: string;
      field: string;
    }[];
    for (const [i, field] of hostile.entries()) {
      const m = listed.find((x) => x.field === field)!;
      const res = await call(decideRoute, "POST", `/api/v1/dcl/mappings/${m.id}/decision`, {
        token: owner.token,
        body: { decision: "approve", target: targets[i] },
        params: { id: m.id },
      });
      expect(res.status).toBe(200);
    }
    await connectVia(owner.token);
    const row = (await viewRows(owner.token, "account")).rows[0];
    expect(row).toMatchObject({
      account_id: "H-1",
      name: 'Quote "Co"',
      industry: "Retail",
      owner: "Zoë",
      country: "Japan",
      domain: "evil.example.org",
      _stream: 'o\'brien "accounts".csv',
    });
    expect((await views(owner)).map((v) => v.entity).sort()).toEqual(["account", "contact", "cost", "invoice", "opportunity", "resource"]);
  });

  it("filters text without regard to case: equals, not equals (keeping rows with no value) and contains", async () => {
    const { owner, load } = await uploadTenant("dcl-filter-case");
    const names = ["Acme GmbH", "ACME GMBH", "acme gmbh", "Acme Group", "Globex", ""];
    await load({
      "accounts.csv": csv(
        ["Id", "Account Name", "Website", "BillingCountry"],
        names.map((name, i) => [`F-${i}`, name, `https://f${i}.example.com`, "Germany"]),
      ),
    });
    await connectVia(owner.token);
    const ids = async (query: string) => (await viewRows(owner.token, "account", `${query}&sort=account_id`)).rows.map((r) => r.account_id);

    expect(await ids("name=aCmE gMbH")).toEqual(["F-0", "F-1", "F-2"]);
    expect(await ids("name.eq=ACME GMBH")).toEqual(["F-0", "F-1", "F-2"]);
    expect(await ids("name.ne=acme gmbh")).toEqual(["F-3", "F-4", "F-5"]);
    expect(await ids("name.contains=ACME")).toEqual(["F-0", "F-1", "F-2", "F-3"]);
    expect(await ids("name.null=true")).toEqual(["F-5"]);
    // Ids compare exactly: two Salesforce ids may differ by case only.
    expect(await ids("account_id=F-4")).toEqual(["F-4"]);
    expect(await ids("account_id=f-4")).toEqual([]);
  });

  it("answers bad view queries with 4xx and a message", async () => {
    const owner = await createAccount({ label: "dcl-bad-query" });
    const get = (entity: string, query: string) =>
      call(viewRoute, "GET", `/api/v1/dcl/views/${encodeURIComponent(entity)}?${query}`, { token: owner.token, params: { entity } });
    expect((await get("account", "")).status).toBe(200);
    expect((await get("nope", "")).status).toBe(404);
    expect((await get("../../etc", "")).status).toBe(404);
    const unknownField = await get("account", "secret_column=1");
    expect([unknownField.status, unknownField.json.error.message]).toEqual([422, 'unknown field "secret_column"']);
    expect((await get("account", "sort=-nope")).status).toBe(422);
    expect((await get("account", "limit=0")).status).toBe(422);
    expect((await get("account", "name.null=maybe")).status).toBe(422);
    // A value that does not read as the column's type would filter on nothing: refused, not silently empty (or full).
    const notANumber = await get("opportunity", "amount.ne=abc");
    expect([notANumber.status, notANumber.json.detail]).toEqual([422, '"amount.ne" takes a number']);
    expect((await get("opportunity", "close_date.gt=yesterday")).status).toBe(422);
  });
});

describe("views follow the sources", () => {
  it("refreshes the views after a sync that stored records, through a dcl.rebuild follow-up task", async () => {
    const owner = await createAccount({ label: "dcl-chain" });
    const conn = await createConnectionVia(owner.token, { name: "CRM export", type: "file", config: { source: "upload", delimiter: "," } });
    expect((await uploadFile(owner.token, conn.id, "accounts.csv", accounts(7))).status).toBe(201);
    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    try {
      const ctx = {
        tenantId: owner.tenantId,
        actor: { userId: owner.userId, role: "owner" as const, via: "bearer" as const },
        db: await scopedDb(owner.tenantId),
      };
      const sync = async () => {
        const queued = await call(syncRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
        await waitForStatus(ctx, queued.json.task.id, "success");
        return ctx.db.task.findMany({ where: { tenantId: owner.tenantId, type: "dcl.rebuild", parentTaskId: queued.json.task.id } });
      };
      const [rebuild] = await sync();
      await waitForStatus(ctx, rebuild.id, "success");
      expect((await viewRows(owner.token, "account")).total).toBe(7);
      // Nothing new stored: no rebuild asked for.
      expect(await sync()).toEqual([]);
    } finally {
      await engine.stop();
    }
  });
});

describe("tenant isolation", () => {
  it("keeps views, mappings and the graph of one tenant out of another's reach", async () => {
    const a = await uploadTenant("dcl-iso-a");
    await a.load({ "accounts.csv": accounts(5) });
    await connectVia(a.owner.token);
    const b = await createAccount({ label: "dcl-iso-b" });
    await connectVia(b.token);

    expect((await viewRows(b.token, "account")).total).toBe(0);
    expect((await views(b)).every((v) => v.rows === 0)).toBe(true);
    expect((await call(listRoute, "GET", "/api/v1/dcl/mappings", { token: b.token })).json.items).toEqual([]);
    const graph = (await call(graphRoute, "GET", "/api/v1/dcl/graph", { token: b.token })).json;
    expect(graph.nodes.filter((n: { kind: string }) => n.kind === "source_parent" || n.kind === "source")).toEqual([]);
    expect(graph.edges.filter((e: { kind: string }) => e.kind !== "feeds")).toEqual([]);

    const theirs = (await call(listRoute, "GET", "/api/v1/dcl/mappings", { token: a.owner.token })).json.items[0];
    const attempt = await call(decideRoute, "POST", `/api/v1/dcl/mappings/${theirs.id}/decision`, {
      token: b.token,
      body: { decision: "reject" },
      params: { id: theirs.id },
    });
    expect(attempt.status).toBe(404);
    expect((await viewRows(a.owner.token, "account")).total).toBe(5);
  });
});
