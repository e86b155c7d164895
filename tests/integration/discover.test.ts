import { describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/context";
import { getDiscoverPage } from "@/lib/discover/read-model";
import { inboxCounts } from "@/lib/inbox/list";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { scopedDb } from "../support/db";
import { connectVia } from "../support/dcl";

const ctxOf = async (who: TestAccount): Promise<TenantContext> => ({
  tenantId: who.tenantId,
  actor: { userId: who.userId, role: "owner", via: "bearer" },
  db: await scopedDb(who.tenantId),
});

/** The demo files and the entity each one is (mock_sources/README.md). */
const DEMO_ENTITIES = {
  "aws_cost_line_items.csv": "cost",
  "billing_invoices.csv": "invoice",
  "cloud_resources.jsonl": "resource",
  "crm_accounts.csv": "account",
  "crm_contacts.csv": "contact",
  "crm_opportunities.csv": "opportunity",
};

describe("discover read model", () => {
  it("shows each stream's proposed entity, what waits for a person and what maps to nothing, for the tenant's own connections only", async () => {
    const a = await createAccount({ label: "discover-a" });
    const b = await createAccount({ label: "discover-b" });
    const demo = await createConnectionVia(a.token, {
      name: "Demo files",
      type: "file",
      config: { source: "directory", directory: "mock_sources" },
    });
    await syncNow(a.tenantId, demo.id);
    await connectVia(a.token);
    const onboarding = await createConnectionVia(b.token, {
      name: "Weather and CRM samples",
      type: "file",
      config: { source: "upload" },
      safeMode: true,
    });
    expect(
      (
        await uploadFile(
          b.token,
          onboarding.id,
          "weather_stations.csv",
          "station,temperature_c,humidity,wind_kmh\nOSL-1,3.5,81,12\nBGO-2,7.1,90,30\n",
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await uploadFile(
          b.token,
          onboarding.id,
          "prospect_accounts.csv",
          "Id,Account Name,Website\n0015g00000jAkDCAA0,Acme Inc.,https://acme.example\n0015g00000rYIBwAAO,Willow Labs,https://willowlabs.example\n",
        )
      ).status,
    ).toBe(201);
    await syncNow(b.tenantId, onboarding.id);
    await connectVia(b.token);

    const ctxA = await ctxOf(a);
    const pageA = await getDiscoverPage({ ctx: ctxA });
    expect(pageA.connections.map((c) => [c.id, c.name, c.typeLabel, c.safeMode])).toEqual([
      [demo.id, "Demo files", "Files (CSV, JSON Lines)", false],
    ]);
    const streams = pageA.connections[0].streams;
    expect(Object.fromEntries(streams.map((s) => [s.name, s.entity]))).toEqual(DEMO_ENTITIES);
    for (const s of streams) {
      expect(s.state, s.name).toBe("mapped");
      expect(s.confidence, s.name).toBeGreaterThanOrEqual(0.5);
      expect(s.confidence, s.name).toBeLessThanOrEqual(1);
      expect(s.counts.mapped + s.counts.proposed + s.counts.unmapped, s.name).toBe(s.counts.fields);
      expect(s.recordsHeld, s.name).toBeGreaterThan(0);
    }
    // Every column of every file (the JSON Lines' nested ones flattened) is seen exactly once.
    expect(pageA.totals).toMatchObject({ connections: 1, streams: 6, fields: 60 });
    expect(pageA.totals.mappedFields + pageA.totals.proposedFields + pageA.totals.unmappedFields).toBe(60);

    // The CUR's account column waits for a person (mock_sources/README.md), and the page counts what the inbox counts.
    const cost = streams.find((s) => s.name === "aws_cost_line_items.csv")!;
    expect(cost.fields.find((f) => f.name === "lineItem/UsageAccountId")).toMatchObject({
      state: "proposed",
      target: "cost.cloud_account_id",
      waiting: true,
    });
    expect(pageA.connections[0].waiting).toBe((await inboxCounts(ctxA)).total);
    expect(pageA.totals.waiting).toBeGreaterThan(0);
    // The inventory has twelve fields for the resource entity's seven: at least five map to nothing, its tags among them.
    const resources = streams.find((s) => s.name === "cloud_resources.jsonl")!;
    expect(resources.counts.unmapped).toBeGreaterThanOrEqual(5);
    expect(resources.fields.find((f) => f.name === "tags")).toMatchObject({ state: "unmapped", target: null });
    expect(pageA.totals.unmappedFields).toBe(streams.reduce((n, s) => n + s.fields.filter((f) => f.state === "unmapped").length, 0));

    // Safe mode: the accounts file points to its entity, but nothing is in force until promoted; the weather file maps to nothing.
    const pageB = await getDiscoverPage({ ctx: await ctxOf(b) });
    expect(pageB.connections.map((c) => [c.id, c.safeMode])).toEqual([[onboarding.id, true]]);
    const byName = new Map(pageB.connections[0].streams.map((s) => [s.name, s]));
    expect([...byName.keys()]).toEqual(["prospect_accounts.csv", "weather_stations.csv"]);
    expect(byName.get("prospect_accounts.csv")).toMatchObject({ entity: "account", state: "review", counts: { mapped: 0 } });
    expect(byName.get("prospect_accounts.csv")!.counts.proposed).toBeGreaterThanOrEqual(2);
    expect(byName.get("weather_stations.csv")).toMatchObject({
      entity: null,
      confidence: null,
      counts: { fields: 4, mapped: 0, proposed: 0, unmapped: 4 },
    });
    expect(pageB.totals).toMatchObject({ connections: 1, streams: 2, fields: 7, mappedFields: 0, unmappedStreams: 1 });

    // Neither tenant sees a trace of the other.
    const seenByA = JSON.stringify(pageA);
    for (const foreign of [onboarding.id, "Weather and CRM samples", "weather_stations.csv", "prospect_accounts.csv"])
      expect(seenByA).not.toContain(foreign);
    const seenByB = JSON.stringify(pageB);
    for (const foreign of [demo.id, "Demo files", ...Object.keys(DEMO_ENTITIES), "lineItem/UsageAccountId"])
      expect(seenByB).not.toContain(foreign);
  });

  it("answers an empty workspace with nothing found", async () => {
    const fresh = await createAccount({ label: "discover-empty" });
    expect(await getDiscoverPage({ ctx: await ctxOf(fresh) })).toEqual({
      connections: [],
      totals: {
        connections: 0,
        streams: 0,
        fields: 0,
        mappedFields: 0,
        proposedFields: 0,
        unmappedFields: 0,
        unmappedStreams: 0,
        waiting: 0,
      },
      autoApproveThreshold: 0.9,
    });
  });
});
