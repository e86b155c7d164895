import "server-only";
import { tenantDb } from "@/lib/db/scope";
import type { PrismaClient, Task } from "@/lib/generated/prisma/client";
import { postToSlack } from "@/lib/notify/slack";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";
import { describeTask } from "@/lib/tasks/describe";
import { loadTaskNames } from "@/lib/tasks/names";

/**
 * Tells the tenant's Slack channel that a task failed for good (when a webhook is configured): the
 * task in words ("Run FinOps agent"), its user-safe message and a link-friendly reference.
 */
export async function notifyTaskFailed(
  db: PrismaClient,
  task: Pick<Task, "id" | "tenantId" | "type" | "input" | "attempts" | "lastErrorMessage">,
  options?: Parameters<typeof postToSlack>[2],
): Promise<boolean> {
  const webhook = await readSlackWebhook(db, task.tenantId);
  if (!webhook) return false;
  const { title } = describeTask(task, await loadTaskNames({ tenantId: task.tenantId, db: tenantDb(db, task.tenantId) }, [task]));
  const text = `:x: *${title}* failed in ${webhook.tenantName} after ${task.attempts} attempt(s): ${task.lastErrorMessage ?? "unknown error"} (task ${task.id})`;
  return postToSlack(webhook.url, { text }, options);
}
