import { describe, expect, it } from "vitest";
import { GET as viewsRoute } from "@/app/api/v1/dcl/views/route";
import { GET as graphRoute } from "@/app/api/v1/dcl/graph/route";
import { scopedDb } from "../support/db";
import { readEvents } from "@/lib/aam/segments/events";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { call } from "../support/http";

const ENTITIES = ["account", "contact", "cost", "invoice", "opportunity", "resource"];

describe("DCL over the demo sources", () => {
  it("maps every demo file, fills all six views with normalized rows that trace to their source records, and draws the graph", async () => {
    const owner = await createAccount({ label: "dcl-demo" });
    const conn = await createConnectionVia(owner.token, {
      name: "Demo files",
      type: "file",
      config: { source: "directory", directory: "mock_sources" },
    });
    await syncNow(owner.tenantId, conn.id);

    const first = await connectVia(owner.token);
    expect(first.streams).toBe(6);
    const counts = Object.fromEntries(first.build.entities.map((e) => [e.entity, e.rows]));
    expect(counts).toEqual({ account: 60, contact: 150, cost: 1347, invoice: 200, opportunity: 120, resource: 80 });

    // Normalizations: epoch seconds and cents on invoices, percent to fraction, upper-case currency, domain from URL, canonical state.
    const invoice = (await viewRows(owner.token, "invoice", "invoice_id=in_1wvNwYVBbPNk2Xh24TS7HlGl")).rows[0];
    expect(invoice).toMatchObject({
      account_id: "0015g00000jAkDCAA0",
      amount: 7000,
      currency: "USD",
      status: "draft",
      issued_at: new Date(1793358878 * 1000).toISOString(),
      paid_at: null,
    });
    const opportunity = (await viewRows(owner.token, "opportunity", "opportunity_id=0065g0000014D8SAAU")).rows[0];
    expect(opportunity).toMatchObject({ amount: 28000, currency: "EUR", probability: 1, close_date: "2025-03-03", is_won: true });
    const account = (await viewRows(owner.token, "account", "account_id=0015g00000rYIBwAAO")).rows[0];
    expect(account).toMatchObject({
      name: "Willow Labs Inc.",
      domain: "willowlabs.com",
      annual_revenue: 249000000,
      employee_count: 716,
      created_at: "2021-01-16T12:48:29.000Z",
    });
    const cost = (await viewRows(owner.token, "cost", "sort=-cost&limit=1")).rows[0];
    expect(cost).toMatchObject({
      provider: "aws",
      currency: "USD",
      service: expect.any(String),
      region: expect.any(String),
      cost: expect.any(Number),
      usage_start: expect.stringMatching(/^2026-/),
    });
    // Filters compare typed values: numbers as numbers, nulls, case-insensitive contains.
    const big = await viewRows(owner.token, "invoice", "amount.gte=10000&limit=500");
    expect(big.total).toBeGreaterThan(0);
    expect(big.rows.every((r) => (r.amount as number) >= 10000)).toBe(true);
    const unpaid = await viewRows(owner.token, "invoice", "paid_at.null=true&limit=500");
    expect(unpaid.total).toBeGreaterThan(0);
    expect(unpaid.rows.every((r) => r.paid_at === null && r.status !== "paid")).toBe(true);
    expect((await viewRows(owner.token, "account", "name.contains=WILLOW")).rows.map((r) => r.account_id)).toContain("0015g00000rYIBwAAO");
    const states = await viewRows(owner.token, "resource", "sort=state&limit=500");
    expect(new Set(states.rows.map((r) => r.state))).toEqual(new Set(["running", "stopped"]));

    // Every row traces to exactly one stored source record.
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    const stored = new Map<string, Set<string>>();
    const storedIds = async (connectionId: string, stream: string) => {
      const key = `${connectionId}/${stream}`;
      if (!stored.has(key))
        stored.set(key, new Set((await readEvents(scope, connectionId, { stream, limit: 1_000_000 })).events.map((e) => e.sourceRecordId)));
      return stored.get(key)!;
    };
    for (const entity of ENTITIES) {
      const page = await viewRows(owner.token, entity, "limit=500");
      for (const row of page.rows) {
        const ids = await storedIds(row._connection_id as string, row._stream as string);
        expect(ids.has(row._source_record_id as string), `${entity} ${row._source_record_id}`).toBe(true);
      }
    }

    // A second connect with nothing changed proposes nothing and rebuilds the same views.
    const second = await connectVia(owner.token);
    expect(second.proposed + second.autoApproved).toBe(0);
    expect(second.build.entities).toEqual(first.build.entities);

    const views = await call(viewsRoute, "GET", "/api/v1/dcl/views", { token: owner.token });
    expect(
      views.json.views
        .filter((v: { rows: number }) => v.rows > 0)
        .map((v: { entity: string }) => v.entity)
        .sort(),
    ).toEqual(ENTITIES);

    const graph = (await call(graphRoute, "GET", "/api/v1/dcl/graph", { token: owner.token })).json;
    const kinds = (kind: string) => graph.nodes.filter((n: { kind: string }) => n.kind === kind);
    expect(kinds("source_parent")).toHaveLength(1);
    expect(kinds("source")).toHaveLength(6);
    expect(
      kinds("ontology")
        .map((n: { label: string }) => n.label)
        .sort(),
    ).toEqual(ENTITIES);
    expect(new Set(graph.nodes.map((n: { kind: string; depth: number }) => `${n.kind}:${n.depth}`))).toEqual(
      new Set(["source_parent:0", "source:1", "ontology:2", "agent:3"]),
    );
    const mapsTo = graph.edges.filter((e: { kind: string }) => e.kind === "maps_to");
    expect(mapsTo).toHaveLength(6);
    expect(mapsTo.find((e: { target: string }) => e.target === "ontology:cost").weight).toBe(1347);
  });
});
