import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isSealed, open, seal } from "@/lib/crypto/secret-box";

/**
 * A tenant's Slack webhook URL is a credential (whoever has it posts to the channel): it is stored
 * sealed like connection configs, bound to the tenant. A plain URL stored before sealing existed is
 * still read, and sealed in place the first time it is read.
 */
export const slackWebhookSealContext = (tenantId: string) => `tenant:${tenantId}:slack-webhook`;

export async function sealSlackWebhook(tenantId: string, url: string | null): Promise<string | null> {
  return url === null ? null : seal(url, slackWebhookSealContext(tenantId));
}

/** The tenant's webhook URL and name, or null when no webhook is configured. */
export async function readSlackWebhook(db: PrismaClient, tenantId: string): Promise<{ url: string; tenantName: string } | null> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { slackWebhookUrl: true, name: true } });
  const stored = tenant?.slackWebhookUrl;
  if (!stored) return null;
  if (isSealed(stored)) return { url: await open(stored, slackWebhookSealContext(tenantId)), tenantName: tenant.name };
  // Compare-and-set: a webhook changed meanwhile is left alone.
  await db.tenant.updateMany({
    where: { id: tenantId, slackWebhookUrl: stored },
    data: { slackWebhookUrl: await sealSlackWebhook(tenantId, stored) },
  });
  return { url: stored, tenantName: tenant.name };
}
