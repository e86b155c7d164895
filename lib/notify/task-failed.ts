import "server-only";
import type { PrismaClient, Task } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";

/** Tells the tenant's Slack channel that a task failed for good (when a webhook is configured). */
export async function notifyTaskFailed(db: PrismaClient, task: Pick<Task, "id" | "tenantId" | "type" | "attempts" | "lastErrorMessage">, options?: Parameters<typeof postToSlack>[2]): Promise<boolean> {
  const tenant = await db.tenant.findUnique({ where: { id: task.tenantId }, select: { slackWebhookUrl: true, name: true } });
  if (!tenant?.slackWebhookUrl) return false;
  const text = `:x: AutonomOS task *${task.type}* failed in ${tenant.name} after ${task.attempts} attempt(s): ${task.lastErrorMessage ?? "unknown error"} (task ${task.id})`;
  return postToSlack(tenant.slackWebhookUrl, { text }, options);
}
