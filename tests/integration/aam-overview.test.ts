import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as connectorsRoute } from "@/app/api/v1/aam/connectors/route";
import { listConnectors } from "@/lib/aam/overview";
import { tenantDb } from "@/lib/db/scope";
import { createAccount } from "../support/accounts";
import { inspectDb } from "../support/db";
import { call } from "../support/http";
import { statementRecordingDb } from "../support/sql-statements";
import { tenantContext } from "../support/tasks";

type Drift = { kind: string; severity: string; status: string; createdAt: Date; resolvedAt?: Date; id?: string };

async function addConnection(tenantId: string, name: string, createdAt: Date, drift: Drift[] = []) {
  const db = await inspectDb();
  const { id: connectionId } = await db.connection.create({ data: { tenantId, name, type: "file", configCipher: "v1.x.x.x", createdAt } });
  await db.driftEvent.createMany({ data: drift.map((e) => ({ tenantId, connectionId, stream: "s", ...e })) });
  return connectionId;
}

/** Each connection: a field mapped then rejected in v2, one proposed field; a non-breaking and a pending breaking event. */
async function tenantWith(connections: number) {
  const ctx = await tenantContext(`overview-${connections}`);
  for (let i = 0; i < connections; i++) {
    const connectionId = await addConnection(ctx.tenantId, `c${i}`, new Date(), [
      { kind: "field_added", severity: "non_breaking", status: "applied", createdAt: new Date("2026-01-01") },
      { kind: "field_removed", severity: "breaking", status: "pending", createdAt: new Date("2026-02-01") },
    ]);
    await (await inspectDb()).mappingRegistry.createMany({
      data: [
        {
          tenantId: ctx.tenantId,
          connectionId,
          sourceStream: "s",
          sourceField: "a",
          ontologyField: "account.name",
          confidence: 0.9,
          method: "name",
          version: 1,
          status: "approved",
        },
        {
          tenantId: ctx.tenantId,
          connectionId,
          sourceStream: "s",
          sourceField: "a",
          ontologyField: null,
          confidence: 0.9,
          method: "human",
          version: 2,
          status: "rejected",
        },
        {
          tenantId: ctx.tenantId,
          connectionId,
          sourceStream: "s",
          sourceField: "b",
          ontologyField: "account.domain",
          confidence: 0.8,
          method: "name",
          version: 1,
          status: "proposed",
        },
      ],
    });
  }
  return ctx;
}

describe("GET /api/v1/aam/connectors", () => {
  let recording: Awaited<ReturnType<typeof statementRecordingDb>>;
  beforeAll(async () => {
    recording = await statementRecordingDb();
  });
  afterAll(() => recording.close());

  it("sends the same SQL statements for 3 and for 30 connections, in the tenant's scope", async () => {
    const statementsFor = async (connections: number) => {
      const ctx = await tenantWith(connections);
      recording.sql.length = 0;
      const { connectors: rows } = await listConnectors({
        ctx: { ...ctx, db: tenantDb(recording.db, ctx.tenantId, ctx.actor.userId) },
        query: { limit: 50 },
      });
      expect(rows).toHaveLength(connections);
      expect(rows.at(-1)).toMatchObject({ mapping_count: 1, has_drift: true, last_event_type: "field_removed" });
      return [...recording.sql];
    };
    const few = await statementsFor(3);
    const many = await statementsFor(30);

    expect(few.length).toBeGreaterThan(0);
    expect(many).toEqual(few);
  });

  it("answers each connection's mapping count, open drift and latest event, oldest connection first", async () => {
    const owner = await createAccount({ label: "overview-shape" });
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    // Two events at the same instant: the larger id is the latest.
    const [early, late] = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    const ids = [
      await addConnection(owner.tenantId, "none", at(1)),
      await addConnection(owner.tenantId, "settled", at(2), [
        { kind: "field_added", severity: "non_breaking", status: "applied", createdAt: at(1) },
        { kind: "type_changed", severity: "breaking", status: "applied", createdAt: at(2), resolvedAt: at(3) },
        { kind: "field_removed", severity: "breaking", status: "accepted", createdAt: at(4), resolvedAt: at(5) },
      ]),
      await addConnection(owner.tenantId, "unresolved", at(3), [
        { kind: "nullability_changed", severity: "potentially_breaking", status: "applied", createdAt: at(6) },
        { kind: "field_added", severity: "non_breaking", status: "applied", createdAt: at(7), id: late },
        { kind: "stream_added", severity: "non_breaking", status: "applied", createdAt: at(7), id: early },
      ]),
    ];
    await (await inspectDb()).connection.update({ where: { id: ids[1]! }, data: { lastSyncAt: at(5), lastSyncStatus: "partial" } });

    const res = await call(connectorsRoute, "GET", "/api/v1/aam/connectors", { token: owner.token });

    expect(res.status).toBe(200);
    const summary = (id: string, name: string, more: object) => ({
      id,
      name,
      source_type: "file",
      status: "active",
      mapping_count: 0,
      last_sync_at: null,
      last_sync_status: null,
      ...more,
    });
    expect(res.json).toEqual({
      connectors: [
        summary(ids[0]!, "none", { has_drift: false, last_event_type: null, last_event_at: null }),
        summary(ids[1]!, "settled", {
          has_drift: false,
          last_event_type: "field_removed",
          last_event_at: at(4).toISOString(),
          last_sync_at: at(5).toISOString(),
          last_sync_status: "partial",
        }),
        summary(ids[2]!, "unresolved", { has_drift: true, last_event_type: "field_added", last_event_at: at(7).toISOString() }),
      ],
      nextCursor: null,
    });
  });
});
