import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";

export type Waiting = { tenantId: string; count: number; what: "mapping repair(s)" | "mapping proposal(s)"; connectionName?: string };

/** Tells the tenant's Slack channel that new items wait in the review inbox (when a webhook is configured). */
export async function notifyReviewWaiting(
  db: PrismaClient,
  waiting: Waiting,
  options?: Parameters<typeof postToSlack>[2],
): Promise<boolean> {
  const webhook = await readSlackWebhook(db, waiting.tenantId);
  if (!webhook) return false;
  const where = waiting.connectionName ? ` on *${waiting.connectionName}*` : "";
  const text = `:mag: ${waiting.count} ${waiting.what}${where} in ${webhook.tenantName} wait for a person in the review inbox.`;
  return postToSlack(webhook.url, { text }, options);
}
