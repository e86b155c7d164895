import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getSecretBox, isSealed, type SecretBox } from "@/lib/crypto/secret-box";
import { connectionSealContext } from "@/lib/aam/connections";
import { slackWebhookSealContext } from "@/lib/notify/slack-webhook";

type Outcome = "resealed" | "unchanged" | "failed";
export type RotationCount = { resealed: number; unchanged: number; failed: string[] };
export type RotationReport = { keyId: string; connections: RotationCount; slackWebhooks: RotationCount };

const PAGE = 200;

/**
 * `aos rotate-key`: re-seals every stored secret (connection configs, Slack webhooks) under the
 * current AOS_ENCRYPTION_KEY, opening them with it or a key in AOS_ENCRYPTION_KEYS_OLD; a plain
 * webhook stored before sealing existed is sealed. Idempotent: what is already under the current key
 * is left alone. Each write is compare-and-set on the old ciphertext, so a secret changed meanwhile
 * is not overwritten. Secrets no configured key opens are listed by record id, never printed.
 */
export async function rotateEncryptionKey(db: PrismaClient, box?: SecretBox): Promise<RotationReport> {
  const keys = box ?? (await getSecretBox());
  const report: RotationReport = { keyId: keys.keyId, connections: count(), slackWebhooks: count() };

  const connections = everyRow((page) =>
    db.connection.findMany({ select: { id: true, tenantId: true, configCipher: true, updatedAt: true }, ...page }),
  );
  for await (const row of connections) {
    const outcome = await reseal(keys, row.configCipher, connectionSealContext(row), async (next) => {
      // Rotation is not an edit: the connection's updatedAt stays.
      const { count } = await db.connection.updateMany({
        where: { id: row.id, configCipher: row.configCipher },
        data: { configCipher: next, updatedAt: row.updatedAt },
      });
      return count > 0;
    });
    tally(report.connections, outcome, row.id);
  }

  const webhooks = everyRow((page) =>
    db.tenant.findMany({ where: { slackWebhookUrl: { not: null } }, select: { id: true, slackWebhookUrl: true }, ...page }),
  );
  for await (const row of webhooks) {
    const outcome = await reseal(keys, row.slackWebhookUrl!, slackWebhookSealContext(row.id), async (next) => {
      const { count } = await db.tenant.updateMany({
        where: { id: row.id, slackWebhookUrl: row.slackWebhookUrl },
        data: { slackWebhookUrl: next },
      });
      return count > 0;
    });
    tally(report.slackWebhooks, outcome, row.id);
  }
  return report;
}

type Page = { orderBy: { id: "asc" }; take: number; cursor?: { id: string }; skip?: number };

/** Every row a query returns, read in pages by id, so a large table is never held at once. */
async function* everyRow<T extends { id: string }>(query: (page: Page) => Promise<T[]>): AsyncGenerator<T> {
  for (let cursor: string | undefined; ; ) {
    const rows = await query({ orderBy: { id: "asc" }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    yield* rows;
    if (rows.length < PAGE) return;
    cursor = rows.at(-1)!.id;
  }
}

/** A stored value that is not a ciphertext is a legacy plaintext secret: sealed as it is. */
async function reseal(box: SecretBox, stored: string, context: string, write: (next: string) => Promise<boolean>): Promise<Outcome> {
  if (box.isCurrent(stored)) return "unchanged";
  let plaintext: string;
  try {
    plaintext = isSealed(stored) ? box.open(stored, context) : stored;
  } catch {
    return "failed";
  }
  // Not written: a writer changed it meanwhile, sealing with the current key.
  return (await write(box.seal(plaintext, context))) ? "resealed" : "unchanged";
}

const count = (): RotationCount => ({ resealed: 0, unchanged: 0, failed: [] });

function tally(c: RotationCount, outcome: Outcome, id: string) {
  if (outcome === "failed") c.failed.push(id);
  else c[outcome] += 1;
}
