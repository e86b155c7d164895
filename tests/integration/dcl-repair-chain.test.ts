import { describe, expect, it } from "vitest";
import { connectorSync } from "@/lib/tasks/workflows/connector-sync";
import { driftCheck } from "@/lib/tasks/workflows/drift-check";
import { driftRepair } from "@/lib/tasks/workflows/drift-repair";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { inspectDb, scopedDb } from "../support/db";

const direct = { run: <T>(_name: string, fn: () => Promise<T>) => fn() };
const ids = Array.from({ length: 12 }, (_, i) => `006A0000000${String(i).padStart(4, "0")}`);
const row = (i: number) => [ids[i], `Deal ${i}`, (1000 + i * 137.5).toFixed(2), `2026-0${1 + (i % 9)}-1${i % 10}`];
const csv = (header: string) => `${header}\n${ids.map((_, i) => row(i).join(",")).join("\n")}\n`;

describe("data arrives, drift, repair, rebuild", () => {
  it("follows renamed columns by their values, applies the sure repairs, and the views keep their data", async () => {
    const owner = await createAccount({ label: "repair-chain" });
    const { id } = await createConnectionVia(owner.token, { name: "Deals", type: "file", config: {}, schemaPolicy: "propagate_all" });
    expect((await uploadFile(owner.token, id, "opportunities.csv", csv("Id,Opportunity Name,Amount,Close Date"))).status).toBe(201);
    await syncNow(owner.tenantId, id);
    await connectVia(owner.token);
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };

    // The export changes shape: two columns renamed, the values the same.
    expect((await uploadFile(owner.token, id, "opportunities.csv", csv("Id,Opportunity Name,deal_value,expected_close_on"))).status).toBe(
      201,
    );
    const sync = await connectorSync.run({
      tenantId: owner.tenantId,
      db: scope.db,
      input: { connectionId: id },
      step: direct,
      taskId: undefined,
    } as never);
    expect(sync.next).toEqual([{ type: "drift.repair", input: { connectionId: id } }]);
    const repair = await driftRepair.run({ tenantId: owner.tenantId, db: scope.db, input: { connectionId: id }, step: direct } as never);
    // The close date's name still says so; the amount's new name says nothing, but twelve varied values agree record by record: both applied.
    expect(repair.summary).toMatchObject({ streams: 1, applied: 2, review: 0, removed: [], failed: [] });
    expect(repair.next).toEqual([{ type: "dcl.rebuild", input: {} }]);
    const repairs = async () =>
      (await inspectDb()).mappingRegistry.findMany({
        where: { connectionId: id, method: "repair" },
        orderBy: [{ sourceField: "asc" }, { version: "desc" }],
      });
    expect((await repairs()).map((r) => [r.sourceField, r.ontologyField, r.status])).toEqual([
      ["deal_value", "opportunity.amount", "approved"],
      ["expected_close_on", "opportunity.close_date", "approved"],
    ]);

    // The rebuild: the repairs are in the views at once. Neither the rebuild nor another connect writes them again.
    await connectVia(owner.token);
    const page = async () =>
      (await viewRows(owner.token, "opportunity", "sort=opportunity_id&limit=50")).rows.map((r) => [r.amount, r.close_date]);
    expect(await page()).toEqual(ids.map((_, i) => [Number(row(i)[2]), row(i)[3]]));
    await driftRepair.run({ tenantId: owner.tenantId, db: scope.db, input: { connectionId: id }, step: direct } as never);
    await connectVia(owner.token);
    expect((await repairs()).length).toBe(2);
  });

  it("runs the repair after a drift check that accepted a change, too", async () => {
    const owner = await createAccount({ label: "repair-after-check" });
    const { id } = await createConnectionVia(owner.token, { name: "Deals", type: "file", config: {}, schemaPolicy: "propagate_all" });
    expect((await uploadFile(owner.token, id, "opportunities.csv", csv("Id,Opportunity Name,Amount,Close Date"))).status).toBe(201);
    await syncNow(owner.tenantId, id);
    const db = await scopedDb(owner.tenantId);
    const check = () => driftCheck.run({ tenantId: owner.tenantId, db, input: { connectionId: id }, step: direct } as never);
    expect((await check()).next).toBeUndefined();
    expect((await uploadFile(owner.token, id, "opportunities.csv", csv("Id,Opportunity Name,Amount,close_date"))).status).toBe(201);
    expect((await check()).next).toEqual([{ type: "drift.repair", input: { connectionId: id } }]);
  });

  it("asks for the rebuild all the same when nothing is mapped yet", async () => {
    const owner = await createAccount({ label: "repair-unmapped" });
    const { id } = await createConnectionVia(owner.token, { name: "Deals", type: "file", config: {}, schemaPolicy: "propagate_all" });
    const repair = await driftRepair.run({
      tenantId: owner.tenantId,
      db: await scopedDb(owner.tenantId),
      input: { connectionId: id },
      step: direct,
    } as never);
    expect(repair).toEqual({
      summary: { streams: 0, applied: 0, review: 0, removed: [], failed: [] },
      next: [{ type: "dcl.rebuild", input: {} }],
    });
  });
});
