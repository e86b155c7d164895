import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";

/** Tells the tenant's Slack channel that schema changes wait for a person (when a webhook is configured). */
export async function notifyDriftPending(db: PrismaClient, change: { tenantId: string; connectionId: string; connectionName: string; pending: number; paused: boolean }, options?: Parameters<typeof postToSlack>[2]): Promise<boolean> {
  const tenant = await db.tenant.findUnique({ where: { id: change.tenantId }, select: { slackWebhookUrl: true, name: true } });
  if (!tenant?.slackWebhookUrl) return false;
  const what = change.paused ? "paused the connection" : "are waiting for approval";
  const text = `:warning: ${change.pending} schema change(s) on *${change.connectionName}* in ${tenant.name} ${what}. Review them under Connections (connection ${change.connectionId}).`;
  return postToSlack(tenant.slackWebhookUrl, { text }, options);
}
