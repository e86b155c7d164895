import { describe, expect, it } from "vitest";
import { PATCH as settingsRoute } from "@/app/api/v1/dcl/settings/route";
import { GET as inboxRoute } from "@/app/api/v1/inbox/route";
import { POST as decisionsRoute } from "@/app/api/v1/inbox/decisions/route";
import { GET as historyRoute } from "@/app/api/v1/inbox/history/route";
import { connectorSync } from "@/lib/tasks/workflows/connector-sync";
import { driftRepair } from "@/lib/tasks/workflows/drift-repair";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia } from "../support/dcl";
import { inspectDb, scopedDb } from "../support/db";
import { call } from "../support/http";
import { localHttpServer } from "../support/local-http";

type Item = {
  id: string;
  kind: string;
  connectionName: string;
  stream: string;
  field: string;
  target: string | null;
  reason: string;
  evidence: Record<string, unknown>;
};
type Inbox = { items: Item[]; counts: { repair: number; mapping: number; schema: number; total: number } };

const inbox = async (who: TestAccount, query = "") =>
  (await call(inboxRoute, "GET", `/api/v1/inbox${query}`, { token: who.token })).json as Inbox;
const decide = (who: TestAccount, decisions: unknown) =>
  call(decisionsRoute, "POST", "/api/v1/inbox/decisions", { token: who.token, body: { decisions } });
const history = async (who: TestAccount) =>
  (await call(historyRoute, "GET", "/api/v1/inbox/history?limit=200", { token: who.token })).json.decisions as {
    kind: string;
    action: string;
    field: string;
    target: string | null;
    actor: string | null;
    reason: string | null;
  }[];
const settings = (who: TestAccount, body: unknown) => call(settingsRoute, "PATCH", "/api/v1/dcl/settings", { token: who.token, body });

/** A Slack webhook for the tenant, on a local server (closed when the test ends): the texts it received. */
async function slackFor(owner: TestAccount): Promise<string[]> {
  const messages: string[] = [];
  const server = await localHttpServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => (messages.push(JSON.parse(body).text), res.end("ok")));
  });
  await (await inspectDb()).tenant.update({ where: { id: owner.tenantId }, data: { slackWebhookUrl: `${server.url}/services/T/B/X` } });
  return messages;
}

const DEALS =
  "deal_pk,deal_title,deal_val,pipeline_stage,exp_close\nD-1,Acme renewal,1200.50,Negotiation,2026-03-01\nD-2,Globex expansion,800,Closed Won,2026-01-15\nD-3,Initech pilot,300,Prospecting,2026-05-30\n";

describe("the review inbox", () => {
  it("lists mapping proposals with example values, and decides them one by one or in bulk, each audited", async () => {
    const owner = await createAccount({ label: "inbox-mappings" });
    expect((await settings(owner, { autoApproveThreshold: 1 })).status).toBe(200);
    const conn = await createConnectionVia(owner.token, { name: "Deals", type: "file", config: {} });
    expect((await uploadFile(owner.token, conn.id, "tbl_deal.csv", DEALS)).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    await connectVia(owner.token);

    const waiting = await inbox(owner, "?kind=mapping");
    expect(waiting.counts).toMatchObject({ mapping: waiting.items.length, repair: 0, schema: 0 });
    const byField = new Map(waiting.items.map((i) => [i.field, i]));
    expect(byField.get("deal_title")).toMatchObject({
      connectionName: "Deals",
      stream: "tbl_deal.csv",
      evidence: { examples: expect.arrayContaining(["Acme renewal"]) },
    });

    const [title, stage, value] = ["deal_title", "pipeline_stage", "deal_val"].map((f) => byField.get(f)!);
    const rest = waiting.items.filter((i) => ![title, stage, value].includes(i));
    const res = await decide(owner, [
      { kind: "mapping", id: title.id, decision: "approve", target: "opportunity.stage", reason: "the title holds the stage" },
      { kind: "mapping", id: stage.id, decision: "reject" },
      { kind: "mapping", id: value.id, decision: "approve", target: "opportunity.nope" },
      { kind: "repair", id: rest[0]!.id, decision: "approve" },
      ...rest.map((i) => ({ kind: "mapping", id: i.id, decision: "approve" })),
    ]);
    expect(res.status).toBe(200);
    const results = res.json.results as { id: string; ok: boolean; status?: string; error?: string }[];
    expect(results.slice(0, 4)).toEqual([
      { id: title.id, kind: "mapping", ok: true, status: "approved" },
      { id: stage.id, kind: "mapping", ok: true, status: "rejected" },
      { id: value.id, kind: "mapping", ok: false, error: '"opportunity.nope" is not in the ontology' },
      // Listed as a mapping, decided as a repair: not found as such.
      { id: rest[0]!.id, kind: "repair", ok: false, error: "repair not found" },
    ]);
    expect(results.slice(4).every((r) => r.ok)).toBe(true);
    expect(res.json.taskIds).toHaveLength(1);
    expect((await inbox(owner)).items.map((i) => i.field)).toEqual(["deal_val"]);

    const audit = await history(owner);
    expect(audit.find((d) => d.field === "deal_title")).toMatchObject({
      kind: "mapping",
      action: "edit",
      target: "opportunity.stage",
      actor: owner.email,
      reason: "the title holds the stage",
    });
    expect(audit.find((d) => d.field === "pipeline_stage")).toMatchObject({ action: "reject", actor: owner.email });
    expect(audit.filter((d) => d.action === "approve")).toHaveLength(rest.length);
  });

  it("tells Slack when new mapping proposals wait", async () => {
    const owner = await createAccount({ label: "inbox-slack-proposals" });
    const slackMessages = await slackFor(owner);
    expect((await settings(owner, { autoApproveThreshold: 1 })).status).toBe(200);
    const conn = await createConnectionVia(owner.token, { name: "Deals", type: "file", config: {} });
    expect((await uploadFile(owner.token, conn.id, "tbl_deal.csv", DEALS)).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    await connectVia(owner.token);
    const waiting = (await inbox(owner)).counts.mapping;
    await expect
      .poll(() => slackMessages)
      .toEqual([
        expect.stringMatching(new RegExp(`^:mag: ${waiting} mapping proposal\\(s\\) in .* wait for a person in the review inbox\\.$`)),
      ]);
    // Nothing new: no second message.
    await connectVia(owner.token);
    await new Promise((r) => setTimeout(r, 200));
    expect(slackMessages).toHaveLength(1);
  });

  it("answers malformed decisions with 422 and the reason", async () => {
    const owner = await createAccount({ label: "inbox-bad" });
    const id = "00000000-0000-4000-8000-000000000000";
    const bad = async (decisions: unknown) => {
      const res = await decide(owner, decisions);
      return [res.status, res.json.error?.message];
    };
    expect(await bad([])).toEqual([422, expect.any(String)]);
    expect(await bad(Array.from({ length: 201 }, () => ({ kind: "mapping", id, decision: "approve" })))).toEqual([422, expect.any(String)]);
    expect((await bad([{ kind: "schema", id, decision: "approve", target: "opportunity.name" }]))[0]).toBe(422);
    expect((await bad([{ kind: "mapping", id, decision: "maybe" }]))[0]).toBe(422);
    expect((await bad([{ kind: "mapping", id, decision: "approve", target: "Robert'); DROP TABLE" }]))[0]).toBe(422);
    expect((await settings(owner, { repairReviewThreshold: 0.9 })).json.error.message).toBe(
      "the repair review threshold must be below the auto-apply threshold",
    );
    expect((await settings(owner, {})).status).toBe(422);
  });

  it("decides held schema changes one at a time: a rejected one stays out of the views, the stream moves on once all are decided", async () => {
    const owner = await createAccount({ label: "inbox-schema" });
    const conn = await createConnectionVia(owner.token, { name: "Accounts", type: "file", config: {}, schemaPolicy: "require_approval" });
    expect(
      (await uploadFile(owner.token, conn.id, "accounts.csv", "id,name,email\n1,Acme,ops@acme.test\n2,Globex,hi@globex.test\n")).status,
    ).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    expect(
      (
        await uploadFile(
          owner.token,
          conn.id,
          "accounts.csv",
          "id,name,email,industry,tier\n1,Acme,ops@acme.test,Energy,gold\n2,Globex,hi@globex.test,Retail,silver\n",
        )
      ).status,
    ).toBe(201);
    await syncNow(owner.tenantId, conn.id);

    const held = await inbox(owner, `?kind=schema&connectionId=${conn.id}`);
    expect(held.items.map((i) => [i.field, i.reason]).sort()).toEqual([
      ["industry", expect.stringContaining("field added industry")],
      ["tier", expect.stringContaining("field added tier")],
    ]);
    const [industry, tier] = ["industry", "tier"].map((f) => held.items.find((i) => i.field === f)!);

    // Another tenant cannot decide them.
    const other = await createAccount({ label: "inbox-schema-other" });
    expect((await decide(other, [{ kind: "schema", id: tier.id, decision: "reject" }])).json.results).toEqual([
      { id: tier.id, kind: "schema", ok: false, error: "schema change not found" },
    ]);
    expect((await inbox(other)).counts.total).toBe(0);

    const stream = () => inspectDb().then((db) => db.connectionStream.findFirstOrThrow({ where: { connectionId: conn.id } }));
    const pendingSchema = (await stream()).pendingFingerprintId;
    const first = await decide(owner, [{ kind: "schema", id: tier.id, decision: "reject", reason: "internal only" }]);
    expect(first.json).toEqual({ results: [{ id: tier.id, kind: "schema", ok: true, status: "rejected" }], taskIds: [] });
    expect((await stream()).pendingFingerprintId).toBe(pendingSchema);
    const second = await decide(owner, [{ kind: "schema", id: industry.id, decision: "approve" }]);
    expect(second.json.taskIds).toHaveLength(1);
    expect(await stream()).toMatchObject({ acceptedFingerprintId: pendingSchema, pendingFingerprintId: null });

    // The rejected field is pinned to no mapping by the person: no later proposal maps it.
    const db = await inspectDb();
    expect(await db.mappingRegistry.findFirst({ where: { connectionId: conn.id, sourceField: "tier" } })).toMatchObject({
      ontologyField: null,
      status: "approved",
      decidedById: owner.userId,
    });
    await connectVia(owner.token);
    expect(await db.mappingRegistry.count({ where: { connectionId: conn.id, sourceField: "tier" } })).toBe(1);
    expect((await history(owner)).filter((d) => d.kind === "schema").map((d) => [d.action, d.field, d.reason])).toEqual([
      ["approve", "industry", null],
      ["reject", "tier", "internal only"],
    ]);
  });

  it("sends every repair to a person under the tenant's thresholds, tells Slack, and remembers a rejection", async () => {
    const owner = await createAccount({ label: "inbox-repair" });
    const slackMessages = await slackFor(owner);
    expect((await settings(owner, { repairAutoThreshold: 1.01 })).json.repair).toEqual({ auto: 1.01, review: 0.5 });

    const renamed = async (name: string) => {
      const { id } = await createConnectionVia(owner.token, { name, type: "file", config: {}, schemaPolicy: "propagate_all" });
      const rows = [
        "Id,Opportunity Name,Amount,Close Date",
        "006A1,Deal 1,1000.00,2026-01-11",
        "006A2,Deal 2,1137.50,2026-02-12",
        "006A3,Deal 3,1275.00,2026-03-13",
        "006A4,Deal 4,1412.50,2026-04-14",
      ];
      expect((await uploadFile(owner.token, id, "opportunities.csv", `${rows.join("\n")}\n`)).status).toBe(201);
      await syncNow(owner.tenantId, id);
      await connectVia(owner.token);
      const changed = [rows[0]!.replace("Amount", "deal_value").replace("Close Date", "close_date"), ...rows.slice(1)];
      expect((await uploadFile(owner.token, id, "opportunities.csv", `${changed.join("\n")}\n`)).status).toBe(201);
      const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
      const direct = { run: <T>(_name: string, fn: () => Promise<T>) => fn() };
      await connectorSync.run({ ...scope, input: { connectionId: id }, step: direct } as never);
      return (await driftRepair.run({ ...scope, input: { connectionId: id }, step: direct } as never)).summary;
    };
    // Even the sure rename waits: nothing is applied above 1.
    expect(await renamed("Deals")).toMatchObject({ applied: 0, review: 2 });
    await expect.poll(() => slackMessages).toContainEqual(expect.stringContaining("2 mapping repair(s) on *Deals* in "));

    const amount = (await inbox(owner, "?kind=repair")).items.find((i) => i.field === "deal_value")!;
    expect((await decide(owner, [{ kind: "repair", id: amount.id, decision: "reject" }])).json.results[0].ok).toBe(true);
    // The same change on another export: the agent remembers the person's answer and does not ask again.
    expect(await renamed("Deals again")).toMatchObject({ applied: 0, review: 1 });
    expect((await inbox(owner, "?kind=repair")).items.map((i) => [i.connectionName, i.field])).toEqual([
      ["Deals again", "close_date"],
      ["Deals", "close_date"],
    ]);
  });
});
