import { describe, expect, it } from "vitest";
import { getConnectionDetail } from "@/lib/aam/connection-detail";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { inspectDb, scopedDb } from "../support/db";

describe("a connection page's figures", () => {
  it("counts each record once in its latest version, and tells the last sync's outcome, length and problems", async () => {
    const owner = await createAccount({ label: "aam-figures" });
    const ctx = {
      tenantId: owner.tenantId,
      actor: { userId: owner.userId, role: "owner" as const, via: "bearer" as const },
      db: await scopedDb(owner.tenantId),
    };
    const conn = await createConnectionVia(owner.token, { name: "People", type: "file", config: {}, schemaPolicy: "propagate_all" });
    expect((await uploadFile(owner.token, conn.id, "people.csv", "id,email\n1,a@x.test\n2,b@x.test\n3,c@x.test\n")).status).toBe(201);
    expect((await uploadFile(owner.token, conn.id, "teams.csv", "id,name\n1,Ops\n")).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    // Every record changed and a field added: three new versions, one schema change, still three people.
    expect(
      (await uploadFile(owner.token, conn.id, "people.csv", "id,email,city\n1,a@y.test,Oslo\n2,b@y.test,Rome\n3,c@y.test,Lima\n")).status,
    ).toBe(201);
    await syncNow(owner.tenantId, conn.id);

    const db = await inspectDb();
    expect((await db.connectionStream.findFirstOrThrow({ where: { connectionId: conn.id, name: "people.csv" } })).recordCount).toBe(6);
    const first = await getConnectionDetail({ ctx, id: conn.id });
    expect(first.figures).toMatchObject({
      recordsHeld: 4,
      streams: 2,
      fieldsMapped: 0,
      schemaChanges: 1,
      byStream: {
        "people.csv": { recordsHeld: 3, fieldsMapped: 0, waitingChanges: 0 },
        "teams.csv": { recordsHeld: 1, fieldsMapped: 0, waitingChanges: 0 },
      },
      lastSync: { outcome: "success", durationMs: null, summary: null, problems: [], next: null },
    });
    expect(first.drift.groups.flatMap((g) => g.changes.map((c) => c.words))).toEqual(["1 field added to people.csv"]);

    // The sync task that ran it, as the task engine records it: its length and what it did.
    const { lastSyncAt } = await db.connection.findUniqueOrThrow({ where: { id: conn.id } });
    const finishedAt = new Date(lastSyncAt!.getTime() + 5);
    await db.task.create({
      data: {
        tenantId: owner.tenantId,
        type: "connector.sync",
        input: { connectionId: conn.id },
        status: "success",
        maxAttempts: 4,
        engine: "embedded",
        startedAt: new Date(finishedAt.getTime() - 4_200),
        finishedAt,
        result: {
          safeMode: false,
          driftChanges: 1,
          pendingChanges: 0,
          problems: [{ stream: "old.csv", message: "old.csv is not a text file" }],
          read: { "people.csv": { stored: 3, quarantined: 0 } },
        },
      },
    });
    await db.task.create({
      data: {
        tenantId: owner.tenantId,
        type: "connector.sync",
        input: { connectionId: conn.id },
        status: "queued",
        maxAttempts: 4,
        engine: "embedded",
      },
    });
    // A mapping in force for one field of people.csv, and one for a field it no longer has.
    const mapping = {
      tenantId: owner.tenantId,
      connectionId: conn.id,
      sourceStream: "people.csv",
      confidence: 1,
      method: "manual",
      status: "approved" as const,
    };
    await db.mappingRegistry.createMany({
      data: [
        { ...mapping, sourceField: "email", ontologyField: "contact.email" },
        { ...mapping, sourceField: "gone", ontologyField: "contact.phone" },
      ],
    });

    await db.driftEvent.create({
      data: {
        tenantId: owner.tenantId,
        connectionId: conn.id,
        stream: "people.csv",
        kind: "field_removed",
        severity: "breaking",
        field: "city",
        status: "pending",
      },
    });

    const second = await getConnectionDetail({ ctx, id: conn.id });
    expect(second.figures.fieldsMapped).toBe(1);
    expect(second.figures.byStream["people.csv"]).toEqual({ recordsHeld: 3, fieldsMapped: 1, waitingChanges: 1 });
    expect(second.figures.schemaChanges).toBe(2);
    expect(second.figures.lastSync).toEqual({
      at: lastSyncAt,
      outcome: "success",
      durationMs: 4_200,
      summary: "3 records stored, 1 schema change, 1 stream unreadable",
      problems: [{ stream: "old.csv", message: "old.csv is not a text file" }],
      next: "queued",
    });
  });

  it("says nothing of another tenant's connection", async () => {
    const a = await createAccount({ label: "aam-figures-a" });
    const b = await createAccount({ label: "aam-figures-b" });
    const conn = await createConnectionVia(a.token, { name: "A's", type: "file", config: {} });
    const ctxB = {
      tenantId: b.tenantId,
      actor: { userId: b.userId, role: "owner" as const, via: "bearer" as const },
      db: await scopedDb(b.tenantId),
    };
    await expect(getConnectionDetail({ ctx: ctxB, id: conn.id })).rejects.toThrow("Connection not found");
  });
});
