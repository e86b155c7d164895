import "server-only";
import type { PrismaClient, Task } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";

/** Tells the tenant's Slack channel that a task failed for good (when a webhook is configured), with the task's user-safe message. */
export async function notifyTaskFailed(db: PrismaClient, task: Pick<Task, "id" | "tenantId" | "type" | "attempts" | "lastErrorMessage">, options?: Parameters<typeof postToSlack>[2]): Promise<boolean> {
  const webhook = await readSlackWebhook(db, task.tenantId);
  if (!webhook) return false;
  const text = `:x: AutonomOS task *${task.type}* failed in ${webhook.tenantName} after ${task.attempts} attempt(s): ${task.lastErrorMessage ?? "unknown error"} (task ${task.id})`;
  return postToSlack(webhook.url, { text }, options);
}
