import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";

/** Tells the tenant's Slack channel that repairs wait in the review inbox (when a webhook is configured). */
export async function notifyReviewWaiting(db: PrismaClient, waiting: { tenantId: string; connectionId: string; connectionName: string; waiting: number }, options?: Parameters<typeof postToSlack>[2]): Promise<boolean> {
  const webhook = await readSlackWebhook(db, waiting.tenantId);
  if (!webhook) return false;
  const text = `:mag: The repair agent needs a person: ${waiting.waiting} mapping repair(s) on *${waiting.connectionName}* in ${webhook.tenantName} wait in the review inbox (connection ${waiting.connectionId}).`;
  return postToSlack(webhook.url, { text }, options);
}
