import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { sealV1 } from "../support/crypto";
import { inspectDb } from "../support/db";
import { tenantContext } from "../support/tasks";

const KEY_A = "rotation-key-a-0123456789-0123456789-0123";
const KEY_B = "rotation-key-b-0123456789-0123456789-0123";
const HOOK = "https://hooks.slack.com/services/T0/B0/rotate";

/**
 * Loads the modules that seal and open secrets under the given keys: lib/env reads the environment
 * once per module graph, as a restarted process would (the database client is process-wide).
 */
async function withKeys(current: string, old: string[] = []) {
  vi.stubEnv("AOS_ENCRYPTION_KEY", current);
  vi.stubEnv("AOS_ENCRYPTION_KEYS_OLD", old.join(","));
  vi.resetModules();
  return {
    connections: await import("@/lib/aam/connections"),
    settings: await import("@/lib/tenancy/settings"),
    slack: await import("@/lib/notify/slack-webhook"),
    rotate: await import("@/lib/cli/rotate-key"),
    box: await (await import("@/lib/crypto/secret-box")).getSecretBox(),
  };
}

afterAll(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("aos rotate-key", () => {
  it("reads under an old key, re-seals everything under the current one, idempotently, and reads without the old key after", async () => {
    const ctx = await tenantContext("rotate-a");
    const legacy = await tenantContext("rotate-legacy");
    const db = await inspectDb();

    // Key A: a connection, a connection sealed in the v1 format, a sealed webhook; a plain webhook from before sealing.
    let app = await withKeys(KEY_A);
    const modern = await app.connections.createConnection({
      ctx,
      input: {
        name: "Modern",
        type: "postgres",
        schemaPolicy: "propagate_additive",
        config: { url: "postgresql://app:pw-a@db.example.test/x" },
      },
    });
    const v1Id = randomUUID();
    await db.connection.create({
      data: {
        id: v1Id,
        tenantId: ctx.tenantId,
        name: "Old format",
        type: "postgres",
        createdById: ctx.actor.userId,
        configCipher: sealV1(
          JSON.stringify({ url: "postgresql://app:pw-v1@db.example.test/x", schema: "public" }),
          KEY_A,
          app.connections.connectionSealContext({ tenantId: ctx.tenantId, id: v1Id }),
        ),
      },
    });
    await app.settings.updateTenantSettings({ ctx, input: { slackWebhookUrl: HOOK } });
    await db.tenant.update({ where: { id: legacy.tenantId }, data: { slackWebhookUrl: HOOK } });
    const keyA = app.box.keyId;

    const readAll = async (loaded: typeof app) => ({
      modern: (await loaded.connections.readConfig(await db.connection.findUniqueOrThrow({ where: { id: modern.id } }))).url,
      v1: (await loaded.connections.readConfig(await db.connection.findUniqueOrThrow({ where: { id: v1Id } }))).url,
      hook: (await loaded.slack.readSlackWebhook(db, ctx.tenantId))?.url,
    });
    const expected = { modern: "postgresql://app:pw-a@db.example.test/x", v1: "postgresql://app:pw-v1@db.example.test/x", hook: HOOK };

    // Key B alone cannot read what A sealed.
    app = await withKeys(KEY_B);
    await expect(app.connections.getConnection({ ctx, id: modern.id })).rejects.toThrow(new RegExp(`key ${keyA}`));

    // B current, A old: everything reads.
    app = await withKeys(KEY_B, [KEY_A]);
    expect(await readAll(app)).toEqual(expected);
    expect((await app.connections.getConnection({ ctx, id: v1Id })).config.url).toBe("postgresql://app:********@db.example.test/x");

    const mine = async () => ({
      configs: (await db.connection.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { id: "asc" } })).map((c) => c.configCipher),
      hooks: [await stored(ctx.tenantId), await stored(legacy.tenantId)],
    });
    const report = await app.rotate.rotateEncryptionKey(db);
    expect(report.keyId).toBe(app.box.keyId);
    expect(report.connections.resealed).toBeGreaterThanOrEqual(2);
    expect(report.slackWebhooks.resealed).toBeGreaterThanOrEqual(2);
    for (const failed of [...report.connections.failed, ...report.slackWebhooks.failed])
      expect([modern.id, v1Id, ctx.tenantId, legacy.tenantId]).not.toContain(failed);
    const rotated = await mine();
    for (const value of [...rotated.configs, ...rotated.hooks])
      expect(value?.startsWith(`v2.${app.box.keyId}.`), value ?? "null").toBe(true);

    // Idempotent: a second run leaves what is already under B as it is.
    await app.rotate.rotateEncryptionKey(db);
    expect(await mine()).toEqual(rotated);

    // A removed: still reads, the plain webhook included.
    app = await withKeys(KEY_B);
    expect(await readAll(app)).toEqual(expected);
    expect((await app.slack.readSlackWebhook(db, legacy.tenantId))?.url).toBe(HOOK);
  });
});

describe("aos rotate-key with a missing key", () => {
  it("reports a secret no configured key opens by its id and leaves it as it is", async () => {
    const ctx = await tenantContext("rotate-missing");
    const db = await inspectDb();
    let app = await withKeys(KEY_A);
    const sealed = await app.connections.createConnection({
      ctx,
      input: {
        name: "Under A",
        type: "postgres",
        schemaPolicy: "propagate_additive",
        config: { url: "postgresql://app:pw@db.example.test/x" },
      },
    });
    const before = (await db.connection.findUniqueOrThrow({ where: { id: sealed.id } })).configCipher;

    app = await withKeys(KEY_B);
    const report = await app.rotate.rotateEncryptionKey(db);
    expect(report.connections.failed).toContain(sealed.id);
    expect((await db.connection.findUniqueOrThrow({ where: { id: sealed.id } })).configCipher).toBe(before);
  });
});

async function stored(tenantId: string) {
  return (await (await inspectDb()).tenant.findUniqueOrThrow({ where: { id: tenantId } })).slackWebhookUrl;
}
