import { describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { callOperation } from "../support/http";

/*
 * An integrator's walk through the DCL API (settings, ontology, matcher, mapping registry, views,
 * lineage graph, repair agent) and the review inbox: every operation called by its operationId on
 * real data, each answer checked against the OpenAPI document by `call`.
 */

const DEALS = [
  "deal_pk,deal_title,deal_val,deal_ccy,pipeline_stage,exp_close",
  "D-1,Acme renewal,1200.50,usd,Negotiation,2026-03-01",
  "D-2,Globex expansion,800,eur,Closed Won,2026-01-15",
  "D-3,Initech pilot,300,usd,Prospecting,2026-05-30",
].join("\n");

type Mapping = { id: string; field: string; target: string | null; status: string; version: number; method: string };
type Item = { id: string; kind: string; field: string | null; target: string | null };

const ids = (items: { id: string }[]) => items.map((i) => i.id);

/** Every page of a list, following `nextCursor`. */
async function allPages<T>(operationId: string, key: string, token: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await callOperation(operationId, { token, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(page.status).toBe(200);
    items.push(...page.json[key]);
    cursor = page.json.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function dealsTenant(): Promise<{ owner: TestAccount; connectionId: string }> {
  const owner = await createAccount({ label: "contract-dcl" });
  const conn = await createConnectionVia(owner.token, { name: "Legacy CRM", type: "file", config: { source: "upload" } });
  expect((await uploadFile(owner.token, conn.id, "tbl_deal.csv", DEALS)).status).toBe(201);
  await syncNow(owner.tenantId, conn.id);
  return { owner, connectionId: conn.id };
}

describe("the DCL and review inbox API contract", () => {
  it("sets thresholds and extends the ontology; suggests mappings and repairs without storing anything", async () => {
    const owner = await createAccount({ label: "contract-dcl-setup" });
    const token = owner.token;

    const settings = await callOperation("getDclSettings", { token });
    expect(settings.status).toBe(200);
    expect(settings.json).toEqual({ autoApproveThreshold: 0.9, repair: { auto: 0.7, review: 0.5 } });
    const changed = await callOperation("patchDclSettings", { token, body: { autoApproveThreshold: 0.95, repairReviewThreshold: 0.6 } });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ autoApproveThreshold: 0.95, repair: { auto: 0.7, review: 0.6 } });

    const builtIn = await callOperation("getDclOntology", { token });
    expect(builtIn.status).toBe(200);
    expect(builtIn.json.version).toBe("1.0.0");
    const extended = await callOperation("putDclOntology", {
      token,
      body: { fields: [{ entity: "account", fields: [{ name: "tier", type: "varchar(20)", semantic: "category" }] }] },
    });
    expect(extended.status).toBe(200);
    expect(extended.json.version).toBe("1.0.0+t1");
    const account = extended.json.entities.find((e: { name: string }) => e.name === "account");
    // A vendor's type name is stored as the ontology's, defaults filled in.
    expect(account.fields.at(-1)).toEqual({
      name: "tier",
      type: "string",
      semantic: "category",
      description: "",
      aliases: [],
      vocabulary: {},
    });

    const suggestion = await callOperation("postDclMappingsSuggest", {
      token,
      body: {
        source: "legacy_crm",
        table: "tbl_deal",
        fields: [
          { name: "deal_pk", type: "string", samples: ["D-1", "D-2"] },
          { name: "deal_val", type: "number", samples: [1200.5, 800] },
          { name: "deal_ccy", type: "string", samples: ["usd", "eur"] },
        ],
      },
    });
    expect(suggestion.status).toBe(200);
    expect(suggestion.json.entity).toBe("opportunity");
    expect(suggestion.json.mappings.map((m: { target: string }) => m.target)).toEqual([
      "opportunity.opportunity_id",
      "opportunity.amount",
      "opportunity.currency",
    ]);

    const repairs = await callOperation("postDclRepairsSuggest", {
      token,
      body: {
        source: "hubspot",
        table: "deals",
        before: { fields: [{ name: "dealname", type: "string", samples: ["Acme renewal", "Globex pilot", "Initech"] }] },
        mappings: { dealname: "opportunity.name" },
        after: { fields: [{ name: "properties_dealname", type: "string", samples: ["Acme renewal", "Globex pilot", "Initech"] }] },
      },
    });
    expect(repairs.status).toBe(200);
    expect(repairs.json.repairs).toEqual([
      expect.objectContaining({ field: "properties_dealname", target: "opportunity.name", from: "dealname", apply: "auto" }),
    ]);
    expect((await callOperation("getDclMappings", { token })).json).toEqual({
      items: [],
      counts: { proposed: 0, total: 0 },
      nextCursor: null,
    });
  }, 120_000);

  it("proposes, pages, decides and rolls back mappings, then builds views read a page at a time and a lineage graph", async () => {
    const { owner, connectionId } = await dealsTenant();
    const token = owner.token;
    expect((await callOperation("patchDclSettings", { token, body: { autoApproveThreshold: 1 } })).status).toBe(200);

    const connected = await callOperation("postDclConnect", { token });
    expect(connected.status).toBe(200);
    expect(connected.json).toMatchObject({ streams: 1, autoApproved: 0 });
    expect(connected.json.proposed).toBe(6);

    // Two pages of two continue each other in the list's order; counts cover every page.
    const every = await callOperation("getDclMappings", { token, query: { limit: "500" } });
    expect(every.json.counts).toEqual({ proposed: 6, total: 6 });
    const first = await callOperation("getDclMappings", { token, query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.json.counts).toEqual({ proposed: 6, total: 6 });
    const second = await callOperation("getDclMappings", { token, query: { limit: "2", cursor: first.json.nextCursor } });
    expect(ids(second.json.items)).not.toContain(first.json.items[0].id);
    expect([...ids(first.json.items), ...ids(second.json.items)]).toEqual(ids(every.json.items).slice(0, 4));
    expect(first.json.nextCursor).toBe(first.json.items[1].id);
    const paged = await allPages<Mapping>("getDclMappings", "items", token, { limit: "4", connectionId, stream: "tbl_deal.csv" });
    expect(ids(paged)).toEqual(ids(every.json.items));

    const byField = new Map((every.json.items as Mapping[]).map((m) => [m.field, m]));
    const title = byField.get("deal_title")!;
    const approved = await callOperation("postDclMappingsByIdDecision", { token, params: { id: title.id }, body: { decision: "approve" } });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ id: title.id, status: "approved", version: 1, decidedById: owner.userId });
    const corrected = await callOperation("postDclMappingsByIdDecision", {
      token,
      params: { id: title.id },
      body: { decision: "approve", target: "opportunity.stage", reason: "the title holds the stage" },
    });
    expect(corrected.json).toMatchObject({ version: 2, target: "opportunity.stage", method: "manual", status: "approved" });
    const rolledBack = await callOperation("postDclMappingsByIdRollback", {
      token,
      params: { id: corrected.json.id },
      body: { version: 1 },
    });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.json).toMatchObject({ version: 3, target: title.target, method: "rollback", status: "approved" });
    const history = await callOperation("getDclMappings", { token, query: { history: "true", status: "approved" } });
    expect((history.json.items as Mapping[]).filter((m) => m.field === "deal_title").map((m) => m.version)).toEqual([3, 2, 1]);

    // The inbox lists the other five, newest first; a page's cursor holds even once its item is decided.
    const inbox = await callOperation("getInbox", { token, query: { kind: "mapping" } });
    expect(inbox.status).toBe(200);
    expect(inbox.json.counts).toEqual({ repair: 0, mapping: 5, schema: 0, total: 5 });
    const waiting = inbox.json.items as Item[];
    expect(waiting.map((i) => i.field).sort()).toEqual(["deal_ccy", "deal_pk", "deal_val", "exp_close", "pipeline_stage"]);
    const page1 = await callOperation("getInbox", { token, query: { limit: "2" } });
    expect(ids(page1.json.items)).toEqual(ids(waiting).slice(0, 2));
    expect(page1.json.nextCursor).toBe(waiting[1].id);
    const withTarget = waiting.filter((i) => i.target);
    const decided = await callOperation("postInboxDecisions", {
      token,
      body: { decisions: withTarget.map((i) => ({ kind: "mapping", id: i.id, decision: "approve" })) },
    });
    expect(decided.status).toBe(200);
    expect(decided.json.results).toEqual(withTarget.map((i) => ({ id: i.id, kind: "mapping", ok: true, status: "approved" })));
    expect(decided.json.taskIds).toHaveLength(1);
    expect(ids(withTarget)).toContain(page1.json.nextCursor);
    const page2 = await callOperation("getInbox", { token, query: { limit: "2", cursor: page1.json.nextCursor } });
    expect(ids(page2.json.items)).toEqual(ids(waiting.slice(2).filter((i) => !i.target)));
    expect(page2.json.nextCursor).toBeNull();

    const audit = await callOperation("getInboxHistory", { token, query: { action: "approve", limit: "2" } });
    expect(audit.status).toBe(200);
    expect(audit.json.decisions).toHaveLength(2);
    expect(audit.json.decisions[0]).toMatchObject({ kind: "mapping", action: "approve", actor: owner.email });
    const approvals = await allPages<{ id: string; field: string; rollbackId: string | null }>("getInboxHistory", "decisions", token, {
      action: "approve",
      limit: "2",
    });
    expect(approvals.map((d) => d.field).sort()).toEqual([...withTarget.map((i) => i.field), "deal_title"].sort());
    // An approval still in force can be rolled back (not deal_title's: a correction and a rollback followed it).
    expect(approvals.find((d) => d.field === "deal_title")!.rollbackId).toBeNull();
    const undoable = approvals.find((d) => d.rollbackId && !["deal_pk", "deal_val"].includes(d.field))!;
    const undone = await callOperation("postInboxRollbacks", { token, body: { id: undoable.rollbackId, reason: "not sure yet" } });
    expect(undone.status).toBe(201);
    expect(undone.json.mapping).toMatchObject({ field: undoable.field, target: null, method: "rollback", status: "approved" });

    const rebuilt = await callOperation("postDclConnect", { token });
    expect(rebuilt.json.build.entities.find((e: { entity: string }) => e.entity === "opportunity").rows).toBe(3);
    const views = await callOperation("getDclViews", { token });
    expect(views.status).toBe(200);
    const opportunity = views.json.views.find((v: { entity: string }) => v.entity === "opportunity");
    expect(opportunity).toMatchObject({ rows: 3, sources: [{ connectionId, stream: "tbl_deal.csv", entity: "opportunity", rows: 3 }] });

    // A sorted, filtered view read two rows at a time: the second page continues the first.
    const query = { sort: "-amount", "amount.gte": "300", limit: "2" };
    const rows1 = await callOperation("getDclViewsByEntity", { token, params: { entity: "opportunity" }, query });
    expect(rows1.status).toBe(200);
    expect(rows1.json).toMatchObject({ entity: "opportunity", total: 3, limit: 2, offset: 0, built: true });
    expect(rows1.json.rows.map((r: { opportunity_id: string; amount: number }) => [r.opportunity_id, r.amount])).toEqual([
      ["D-1", 1200.5],
      ["D-2", 800],
    ]);
    expect(rows1.json.rows[0]).toMatchObject({
      _connection_id: connectionId,
      _stream: "tbl_deal.csv",
      _source_record_id: expect.any(String),
    });
    const rows2 = await callOperation("getDclViewsByEntity", {
      token,
      params: { entity: "opportunity" },
      query: { ...query, cursor: rows1.json.nextCursor },
    });
    expect(rows2.json).toMatchObject({ total: 3, offset: 2, nextCursor: null });
    expect(rows2.json.rows.map((r: { opportunity_id: string }) => r.opportunity_id)).toEqual(["D-3"]);
    const unknownCursor = await callOperation("getDclViewsByEntity", {
      token,
      params: { entity: "opportunity" },
      query: { cursor: "not-a-cursor" },
    });
    expect(unknownCursor.status).toBe(422);

    const graph = await callOperation("getDclGraph", { token });
    expect(graph.status).toBe(200);
    expect(graph.json.builtAt).toBe(rebuilt.json.build.builtAt);
    expect(graph.json.nodes).toContainEqual(
      expect.objectContaining({
        kind: "source_parent",
        label: "Legacy CRM",
        metadata: expect.objectContaining({ connectionId, streams: 1 }),
      }),
    );
    expect(graph.json.edges).toContainEqual(
      expect.objectContaining({
        kind: "maps_to",
        source: `source:${connectionId}:tbl_deal.csv`,
        target: "ontology:opportunity",
        weight: 3,
      }),
    );
  }, 120_000);
});
