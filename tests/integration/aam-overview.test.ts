import { describe, expect, it } from "vitest";
import { inspectDb } from "../support/db";
import type { TenantContext } from "@/lib/auth/context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listConnectors } from "@/lib/aam/overview";
import { tenantContext } from "../support/tasks";

/** The same client, counting every operation it sends (model calls and raw queries). */
function counting(db: PrismaClient) {
  const counter = { queries: 0 };
  const client = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.queries++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { client, counter };
}

async function tenantWith(connections: number): Promise<TenantContext> {
  const ctx = await tenantContext(`overview-${connections}`);
  const db = await inspectDb();
  const ids = Array.from({ length: connections }, () => crypto.randomUUID());
  await db.connection.createMany({ data: ids.map((id, i) => ({ id, tenantId: ctx.tenantId, name: `c${i}`, type: "file" as const, configCipher: "v1.x.x.x" })) });
  // Each connection gets mappings (two versions of one field) and two drift events.
  await db.mappingRegistry.createMany({
    data: ids.flatMap((connectionId) => [
      { tenantId: ctx.tenantId, connectionId, sourceStream: "s", sourceField: "a", ontologyField: "account.name", confidence: 0.9, method: "name", version: 1, status: "approved" as const },
      { tenantId: ctx.tenantId, connectionId, sourceStream: "s", sourceField: "a", ontologyField: null, confidence: 0.9, method: "human", version: 2, status: "rejected" as const },
      { tenantId: ctx.tenantId, connectionId, sourceStream: "s", sourceField: "b", ontologyField: "account.domain", confidence: 0.8, method: "name", version: 1, status: "proposed" as const },
    ]),
  });
  await db.driftEvent.createMany({
    data: ids.flatMap((connectionId) => [
      { tenantId: ctx.tenantId, connectionId, stream: "s", kind: "field_added", severity: "non_breaking", status: "applied", createdAt: new Date("2026-01-01") },
      { tenantId: ctx.tenantId, connectionId, stream: "s", kind: "field_removed", severity: "breaking", status: "pending", createdAt: new Date("2026-02-01") },
    ]),
  });
  return ctx;
}

describe("GET /api/v1/aam/connectors", () => {
  it("sends the same number of queries for 1 and 500 connections, with the right counts and latest event", async () => {
    const small = await tenantWith(1);
    const large = await tenantWith(500);
    const db = await inspectDb();

    const one = counting(db);
    const oneRows = await listConnectors({ ctx: { ...small, db: one.client } });
    const many = counting(db);
    const manyRows = await listConnectors({ ctx: { ...large, db: many.client } });

    expect(oneRows).toHaveLength(1);
    expect(manyRows).toHaveLength(500);
    expect(one.counter.queries).toBeGreaterThan(0);
    expect(many.counter.queries).toBe(one.counter.queries);
    expect(manyRows[499]).toMatchObject({ source_type: "file", status: "active", mapping_count: 1, has_drift: true, last_event_type: "field_removed" });
    expect(manyRows[0]!.last_event_at).toEqual(new Date("2026-02-01"));
  });
});
