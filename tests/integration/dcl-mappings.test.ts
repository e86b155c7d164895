import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/dcl/mappings/route";
import { POST as decideRoute } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { POST as rollbackRoute } from "@/app/api/v1/dcl/mappings/[id]/rollback/route";
import { POST as suggestRoute } from "@/app/api/v1/dcl/mappings/suggest/route";
import { PATCH as settingsRoute } from "@/app/api/v1/dcl/settings/route";
import { mapSchema } from "@/lib/cli/map";
import { connectDcl } from "@/lib/dcl/connect";
import { scopedDb } from "../support/db";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { call } from "../support/http";
import { llmAnswer, mockLlm } from "../support/llm";

type Mapping = { id: string; field: string; target: string | null; status: string; version: number; method: string; confidence: number };

const DEALS = [
  "deal_pk,cust_fk,deal_title,deal_val,deal_ccy,pipeline_stage,win_pct,exp_close",
  "D-1,C-1,Acme renewal,1200.50,usd,Negotiation,60,2026-03-01",
  "D-2,C-2,Globex expansion,800,eur,Closed Won,100,2026-01-15",
].join("\n");

async function dealsTenant(label: string) {
  const owner = await createAccount({ label });
  const conn = await createConnectionVia(owner.token, { name: "Legacy CRM", type: "file", config: { source: "upload" } });
  expect((await uploadFile(owner.token, conn.id, "tbl_deal.csv", DEALS)).status).toBe(201);
  await syncNow(owner.tenantId, conn.id);
  return { owner, connectionId: conn.id };
}

async function mappings(owner: TestAccount, query = ""): Promise<Mapping[]> {
  const res = await call(listRoute, "GET", `/api/v1/dcl/mappings${query}`, { token: owner.token });
  expect(res.status).toBe(200);
  return res.json.items;
}

const decide = (owner: TestAccount, id: string, body: unknown) =>
  call(decideRoute, "POST", `/api/v1/dcl/mappings/${id}/decision`, { token: owner.token, body, params: { id } });

describe("mapping registry", () => {
  it("waits for a human below the tenant's threshold, then versions every decision and rolls back", async () => {
    const { owner } = await dealsTenant("dcl-review");
    expect(
      (await call(settingsRoute, "PATCH", "/api/v1/dcl/settings", { token: owner.token, body: { autoApproveThreshold: 1 } })).status,
    ).toBe(200);

    const first = await connectVia(owner.token);
    expect(first.autoApproved).toBe(0);
    expect((await viewRows(owner.token, "opportunity")).total).toBe(0);
    const proposed = await mappings(owner, "?status=proposed");
    const byField = Object.fromEntries(proposed.map((m) => [m.field, m]));
    expect(byField.deal_val.target).toBe("opportunity.amount");

    // Approve every proposal that has a target; correct one on the way.
    for (const m of proposed.filter((p) => p.target)) {
      const body = m.field === "deal_title" ? { decision: "approve", target: "opportunity.stage" } : { decision: "approve" };
      expect((await decide(owner, m.id, body)).status).toBe(200);
    }
    await connectVia(owner.token);
    const rows = (await viewRows(owner.token, "opportunity", "sort=opportunity_id")).rows;
    expect(rows.map((r) => [r.opportunity_id, r.amount, r.currency, r.probability, r.stage])).toEqual([
      ["D-1", 1200.5, "USD", 0.6, "Acme renewal"],
      ["D-2", 800, "EUR", 1, "Globex expansion"],
    ]);

    // The correction is version 2; rolling back to version 1's target is version 3, and the view follows.
    const history = await mappings(owner, "?history=true&stream=tbl_deal.csv");
    const title = history.filter((m) => m.field === "deal_title").sort((a, b) => a.version - b.version);
    expect(title.map((m) => [m.version, m.target, m.status, m.method])).toEqual([
      [1, "opportunity.name", "rejected", expect.any(String)],
      [2, "opportunity.stage", "approved", "manual"],
    ]);
    const rejected = await call(rollbackRoute, "POST", `/api/v1/dcl/mappings/${title[1].id}/rollback`, {
      token: owner.token,
      body: { version: 1 },
      params: { id: title[1].id },
    });
    expect(rejected.status).toBe(409);
    const stage = history.find((m) => m.field === "pipeline_stage")!;
    expect((await decide(owner, stage.id, { decision: "approve", target: null })).status).toBe(200);
    const back = await call(rollbackRoute, "POST", `/api/v1/dcl/mappings/${stage.id}/rollback`, {
      token: owner.token,
      body: { version: 1 },
      params: { id: stage.id },
    });
    expect(back.status).toBe(201);
    expect(back.json).toMatchObject({ version: 3, target: "opportunity.stage", status: "approved", method: "rollback" });

    // Deciding an old version is refused; deciding one already decided is fine (idempotent on the newest).
    expect((await decide(owner, stage.id, { decision: "reject" })).status).toBe(409);
    expect((await decide(owner, stage.id, { decision: "approve", target: "nope.field" })).status).toBe(409);
    const latestStage = (await mappings(owner, "?stream=tbl_deal.csv")).find((m) => m.field === "pipeline_stage")!;
    expect((await decide(owner, latestStage.id, { decision: "approve", target: "opportunity.nope" })).status).toBe(422);

    // Human decisions survive a reconnect: nothing new is proposed over them.
    const again = await connectVia(owner.token);
    expect(again.proposed + again.autoApproved).toBe(0);
  });

  it("auto-approves confident proposals at the default threshold and keeps the rest for review", async () => {
    const { owner } = await dealsTenant("dcl-auto");
    const result = await connectVia(owner.token);
    const all = await mappings(owner);
    expect(result.autoApproved).toBeGreaterThan(0);
    for (const m of all) expect(m.status).toBe(m.confidence >= 0.9 ? "approved" : "proposed");
    expect((await viewRows(owner.token, "opportunity")).total).toBe(2);
  });

  it("carries a person's correction on one table to the same name in another table of the same source", async () => {
    const owner = await createAccount({ label: "dcl-carry" });
    const erp = await createConnectionVia(owner.token, { name: "Legacy ERP", type: "file", config: { source: "upload" } });
    const invoices = [
      "invoice_no,zz_blorp,amount,currency,due_date",
      "I-1,K-7,100.00,EUR,2026-02-01",
      "I-2,K-8,250.00,EUR,2026-03-01",
    ].join("\n");
    const deals = [
      "deal_pk,zz_blorp,deal_title,deal_val,deal_ccy,pipeline_stage",
      "D-1,K-7,Acme renewal,1200.50,usd,Negotiation",
      "D-2,K-8,Globex expansion,800,eur,Closed Won",
    ].join("\n");
    expect((await uploadFile(owner.token, erp.id, "tbl_invoice.csv", invoices)).status).toBe(201);
    expect((await uploadFile(owner.token, erp.id, "tbl_deal.csv", deals)).status).toBe(201);
    await syncNow(owner.tenantId, erp.id);
    await connectVia(owner.token);
    const target = async (connectionId: string, stream: string) =>
      (await mappings(owner, `?connectionId=${connectionId}&stream=${stream}`)).find((m) => m.field === "zz_blorp");
    expect((await target(erp.id, "tbl_deal.csv"))?.target ?? null).not.toBe("opportunity.account_id");

    const invoiceKd = (await target(erp.id, "tbl_invoice.csv"))!;
    expect((await decide(owner, invoiceKd.id, { decision: "approve", target: "invoice.account_id" })).status).toBe(200);
    await connectVia(owner.token);
    expect((await target(erp.id, "tbl_deal.csv"))?.target).toBe("opportunity.account_id");
  });

  it("asks the LLM only about streams with fields it has not proposed for, and counts what it spent", async () => {
    const { owner } = await dealsTenant("dcl-llm");
    const model = mockLlm(
      llmAnswer(
        { entity: "opportunity", confidence: 0.9, mappings: [{ field: "win_pct", target: "opportunity.probability", confidence: 0.95 }] },
        { input: 500, output: 40 },
      ),
    );
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    await connectDcl(scope, { model });
    expect(model.languageModel.doGenerateCalls).toHaveLength(1);
    // Nothing new in the source: no tokens spent, nothing re-proposed.
    const again = await connectDcl(scope, { model });
    expect(model.languageModel.doGenerateCalls).toHaveLength(1);
    expect(again.proposed + again.autoApproved).toBe(0);
    expect(
      await scope.db.llmCall.findMany({
        where: { tenantId: owner.tenantId },
        select: { inputTokens: true, outputTokens: true, purpose: true },
      }),
    ).toEqual([{ inputTokens: 500, outputTokens: 40, purpose: "dcl.map" }]);
  });

  it("suggests through the API exactly what the CLI prints, without storing anything", async () => {
    const owner = await createAccount({ label: "dcl-suggest" });
    const table = {
      source: "legacy_crm",
      table: "tbl_deal",
      fields: [
        { name: "deal_pk", type: "string", samples: ["D-1", "D-2"] },
        { name: "deal_val", type: "number", samples: [1200.5, 800] },
        { name: "deal_ccy", type: "string", samples: ["usd", "eur"] },
      ],
    };
    const res = await call(suggestRoute, "POST", "/api/v1/dcl/mappings/suggest", { token: owner.token, body: table });
    expect(res.status).toBe(200);
    expect(res.json.entity).toBe("opportunity");
    expect(res.json.mappings.map((m: Mapping) => m.target)).toEqual([
      "opportunity.opportunity_id",
      "opportunity.amount",
      "opportunity.currency",
    ]);
    const { writeFile } = await import("node:fs/promises");
    const file = `${process.env.AOS_DATA_DIR ?? "/tmp"}/suggest-${Date.now()}.json`;
    await writeFile(file, JSON.stringify(table));
    expect(await mapSchema([file])).toEqual(res.json);
    expect(await mappings(owner)).toEqual([]);

    const bad = await call(suggestRoute, "POST", "/api/v1/dcl/mappings/suggest", {
      token: owner.token,
      body: { source: "x", table: "t", fields: [] },
    });
    expect(bad.status).toBe(422);
  });
});
