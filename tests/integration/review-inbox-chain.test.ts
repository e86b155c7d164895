import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POST as syncRoute } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { PATCH as settingsRoute } from "@/app/api/v1/dcl/settings/route";
import { GET as inboxRoute } from "@/app/api/v1/inbox/route";
import { POST as decisionsRoute } from "@/app/api/v1/inbox/decisions/route";
import { GET as historyRoute } from "@/app/api/v1/inbox/history/route";
import { POST as rollbackRoute } from "@/app/api/v1/inbox/rollbacks/route";
import type { TenantContext } from "@/lib/auth/context";
import { workflows } from "@/lib/tasks/workflows";
import { createAccount } from "../support/accounts";
import { createConnectionVia, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { scopedDb } from "../support/db";
import { call } from "../support/http";
import { testEngine } from "../support/tasks";

/** The demo source's opportunities export, and the same export after its vendor's format change. */
const original = readFileSync("mock_sources/crm_opportunities.csv", "utf8");
const lines = original.trim().split("\n");
/** One line's cells, quotes kept as they are (the demo export quotes names with commas). */
const cellsOf = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!);
const header = lines[0]!.split(",");
/**
 * Renamed by case convention, to names that say nothing (only the values say), retyped to epoch
 * seconds, percent to fraction; and the stage, under its old name, now holds codes.
 */
const renamed: Record<string, string> = {
  "Close Date": "close_date",
  Amount: "deal_value",
  "Created Date": "created_epoch",
  "Probability (%)": "win_rate",
};
const stageCodes: Record<string, string> = {
  "Closed Won": "CW",
  "Closed Lost": "CL",
  Prospecting: "PR",
  Qualification: "QU",
  Negotiation: "NE",
  Proposal: "PP",
};
const changed = [
  header.map((h) => renamed[h] ?? h).join(","),
  ...lines.slice(1).map((line) => {
    const cells = cellsOf(line).slice(0, header.length);
    const set = (column: string, f: (v: string) => string) => (cells[header.indexOf(column)] = f(cells[header.indexOf(column)]!));
    set("Created Date", (v) => String(Date.parse(v) / 1000));
    set("Probability (%)", (v) => String(Number(v) / 100));
    set("Stage", (v) => stageCodes[v] ?? v.slice(0, 2).toUpperCase());
    return cells.join(",");
  }),
].join("\n");

type Item = {
  id: string;
  kind: string;
  field: string;
  from: string | null;
  target: string;
  transform: string | null;
  confidence: number;
  evidence: { values: { before: unknown; after: unknown }[] };
};

describe("drift → repair → review → views, through the API", () => {
  it("applies sure repairs, queues the rest, keeps rejected ones out of the views, rolls back, and audits each decision", async () => {
    const owner = await createAccount({ label: "inbox-chain" });
    const ctx: TenantContext = {
      tenantId: owner.tenantId,
      actor: { userId: owner.userId, role: "owner", via: "bearer" },
      db: await scopedDb(owner.tenantId),
    };
    // A careful tenant: only repairs at 0.9 or above are applied without a person.
    expect((await call(settingsRoute, "PATCH", "/x", { token: owner.token, body: { repairAutoThreshold: 0.9 } })).status).toBe(200);
    const { id } = await createConnectionVia(owner.token, { name: "CRM export", type: "file", config: {}, schemaPolicy: "propagate_all" });
    expect((await uploadFile(owner.token, id, "crm_opportunities.csv", original)).status).toBe(201);
    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    const settled = async () => {
      await expect
        .poll(async () => ctx.db.task.count({ where: { tenantId: owner.tenantId, status: { in: ["queued", "in_progress"] } } }), {
          timeout: 60_000,
          interval: 100,
        })
        .toBe(0);
      expect(await ctx.db.task.count({ where: { tenantId: owner.tenantId, status: "failed" } })).toBe(0);
    };
    const sync = async () => {
      expect((await call(syncRoute, "POST", "/x", { token: owner.token, params: { id } })).status).toBe(202);
      await settled();
    };
    const opportunities = async () =>
      (await viewRows(owner.token, "opportunity", "sort=opportunity_id&limit=500")).rows.map((r) => ({
        id: r.opportunity_id,
        amount: r.amount,
        close: r.close_date,
        created: r.created_at,
        probability: r.probability,
        stage: r.stage,
      }));
    const decide = async (decisions: unknown[]) => {
      const res = await call(decisionsRoute, "POST", "/x", { token: owner.token, body: { decisions } });
      expect(res.status).toBe(200);
      await settled();
      return res.json.results as { id: string; ok: boolean; status?: string; error?: string }[];
    };
    try {
      await sync();
      await connectVia(owner.token);
      const before = await opportunities();
      expect(before).toHaveLength(lines.length - 1);
      for (const column of ["amount", "close", "created", "probability", "stage"] as const)
        expect(before.filter((r) => r[column] !== null).length).toBeGreaterThan(before.length * 0.9);

      // The vendor's new export: sync, and the chain runs by itself (sync → repair → rebuild).
      expect((await uploadFile(owner.token, id, "crm_opportunities.csv", changed)).status).toBe(201);
      await sync();
      const types = await ctx.db.task.findMany({ where: { tenantId: owner.tenantId }, select: { type: true } });
      expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(["connector.sync", "drift.repair", "dcl.rebuild"]));

      // Sure (the same name in another case): applied, in the views right after the rebuild. Less sure: waiting, with the values side by side.
      const inbox = (await call(inboxRoute, "GET", "/api/v1/inbox?kind=repair", { token: owner.token })).json as { items: Item[] };
      const waiting = new Map(inbox.items.map((i) => [i.field, i]));
      expect([...waiting.keys()].sort()).toEqual(["Stage", "created_epoch", "deal_value", "win_rate"]);
      expect(waiting.get("created_epoch")).toMatchObject({
        from: "Created Date",
        target: "opportunity.created_at",
        transform: "epoch_seconds",
      });
      expect(waiting.get("win_rate")).toMatchObject({ from: "Probability (%)", target: "opportunity.probability", transform: null });
      expect(waiting.get("Stage")).toMatchObject({
        from: "Stage",
        target: "opportunity.stage",
        reason: expect.stringContaining("its meaning may have changed"),
      });
      const amount = waiting.get("deal_value")!;
      expect(amount).toMatchObject({ from: "Amount", target: "opportunity.amount" });
      expect(amount.evidence.values.length).toBeGreaterThan(5);
      expect(amount.evidence.values.every((v) => Number(v.before) === Number(v.after))).toBe(true);
      const afterRepair = await opportunities();
      expect(afterRepair.map((r) => r.close)).toEqual(before.map((r) => r.close));
      expect(afterRepair.every((r) => r.amount === null && r.created === null && r.probability === null)).toBe(true);
      // Until a person decides, the stage's mapping in force stays: the codes show.
      expect(afterRepair.find((r) => r.id === before[0]!.id)!.stage).toBe(stageCodes[String(before[0]!.stage)]);

      // Approved in bulk: in the views after the rebuild, converted. Rejected: never in the views.
      const [created, probability, stage] = ["created_epoch", "win_rate", "Stage"].map((f) => waiting.get(f)!);
      expect(
        await decide([
          { kind: "repair", id: created.id, decision: "approve" },
          { kind: "repair", id: probability.id, decision: "approve" },
          { kind: "repair", id: amount.id, decision: "reject", reason: "deal_value is before discounts" },
          { kind: "repair", id: stage.id, decision: "reject", reason: "codes, not our stages" },
        ]),
      ).toEqual(
        [created, probability, amount, stage].map((i, n) => ({
          id: i.id,
          kind: "repair",
          ok: true,
          status: n < 2 ? "approved" : "rejected",
        })),
      );
      const reviewed = await opportunities();
      expect(reviewed.map((r) => [r.created, r.probability])).toEqual(before.map((r) => [r.created, r.probability]));
      expect(reviewed.every((r) => r.amount === null && r.stage === null)).toBe(true);
      expect((await call(inboxRoute, "GET", "/api/v1/inbox", { token: owner.token })).json.counts.repair).toBe(0);
      // Deciding one again is refused, with the reason, and changes nothing.
      expect((await decide([{ kind: "repair", id: amount.id, decision: "approve" }]))[0]).toMatchObject({
        ok: false,
        error: "this repair is already rejected",
      });

      // An applied repair rolled back: the previous view comes back (the close date no longer read from the new column).
      const history = async (query = "") =>
        (await call(historyRoute, "GET", `/api/v1/inbox/history${query}`, { token: owner.token })).json.decisions as {
          action: string;
          field: string;
          actor: string | null;
          rollbackId: string | null;
          reason: string | null;
          evidence: unknown;
        }[];
      const applied = await history("?action=auto_apply");
      expect(applied.map((d) => [d.field, d.actor])).toEqual([["close_date", null]]);
      expect(
        (
          await call(rollbackRoute, "POST", "/x", {
            token: owner.token,
            body: { id: applied[0]!.rollbackId, reason: "close_date is the forecast date" },
          })
        ).status,
      ).toBe(201);
      await settled();
      expect(await opportunities()).toEqual(reviewed.map((r) => ({ ...r, close: null })));
      expect((await history("?action=auto_apply"))[0]!.rollbackId).toBeNull();

      // Every decision audited: the agent's, each person's with the reason and the evidence shown, the rollback.
      const audit = await history();
      expect(audit.map((d) => [d.action, d.field, d.actor === null ? "agent" : "person"]).sort()).toEqual([
        ["approve", "created_epoch", "person"],
        ["approve", "win_rate", "person"],
        ["auto_apply", "close_date", "agent"],
        ["reject", "Stage", "person"],
        ["reject", "deal_value", "person"],
        ["rollback", "close_date", "person"],
      ]);
      expect(audit.find((d) => d.field === "deal_value")).toMatchObject({
        reason: "deal_value is before discounts",
        evidence: { values: expect.any(Array) },
      });
    } finally {
      await engine.stop();
    }
  }, 120_000);
});
