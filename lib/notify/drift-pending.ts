import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";

/** Tells the tenant's Slack channel that schema changes wait for a person (when a webhook is configured). */
export async function notifyDriftPending(
  db: PrismaClient,
  change: { tenantId: string; connectionId: string; connectionName: string; pending: number; paused: boolean },
  options?: Parameters<typeof postToSlack>[2],
): Promise<boolean> {
  const webhook = await readSlackWebhook(db, change.tenantId);
  if (!webhook) return false;
  const what = change.paused ? "paused the connection" : "are waiting for approval";
  const text = `:warning: ${change.pending} schema change(s) on *${change.connectionName}* in ${webhook.tenantName} ${what}. Review them under Connections (connection ${change.connectionId}).`;
  return postToSlack(webhook.url, { text }, options);
}
