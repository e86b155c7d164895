import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { currentRound, type ManualRetry } from "@/lib/tasks/attempt-words";

/**
 * Manual retries, kept in the task's own history table (`task_steps`) under reserved step names
 * (`manual-retry:<n>`): durable, tenant-scoped and deleted with the task, like its steps. No
 * workflow step may use the prefix (the embedded engine refuses it).
 *
 * The rule: a manual retry starts a new round with a fresh budget of the workflow's attempts
 * (`maxAttempts` becomes attempts used + budget), and records who asked, when, and where the round
 * starts. Attempts are shown per round ("Attempt 2 of 4"); the engines back off per round.
 */
export const RETRY_STEP_PREFIX = "manual-retry:";

export const isRetryRecord = (stepName: string) => stepName.startsWith(RETRY_STEP_PREFIX);

const RetryOutput = z.object({
  byUserId: z.string().nullable().catch(null),
  afterAttempts: z.number().int().nonnegative(),
  budget: z.number().int().positive(),
  previousMaxAttempts: z.number().int().positive().optional().catch(undefined),
});

type Db = Pick<PrismaClient, "taskStep"> | Prisma.TransactionClient;

/** Call inside the transaction that re-queues the task, so a retry is never applied without its record. */
export async function recordManualRetry(db: Db, task: { id: string; tenantId: string }, retry: Omit<ManualRetry, "at">): Promise<void> {
  const previous = await db.taskStep.count({
    where: { taskId: task.id, tenantId: task.tenantId, name: { startsWith: RETRY_STEP_PREFIX } },
  });
  await db.taskStep.create({
    data: {
      taskId: task.id,
      tenantId: task.tenantId,
      name: `${RETRY_STEP_PREFIX}${previous + 1}`,
      output: { ...retry } as Prisma.InputJsonObject,
    },
  });
}

/** The manual retries of each task, oldest first; one query for the whole list. */
export async function readManualRetries(db: Db, tenantId: string, taskIds: string[]): Promise<Map<string, ManualRetry[]>> {
  const byTask = new Map<string, ManualRetry[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await db.taskStep.findMany({
    where: { tenantId, taskId: { in: taskIds }, name: { startsWith: RETRY_STEP_PREFIX } },
    orderBy: { completedAt: "asc" },
    select: { taskId: true, output: true, completedAt: true },
  });
  for (const row of rows) {
    const parsed = RetryOutput.safeParse(row.output);
    if (!parsed.success) continue;
    byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), { at: row.completedAt, ...parsed.data }]);
  }
  return byTask;
}

/** Where the task's current round starts (0 without a manual retry): what the engine's backoff counts from. */
export async function roundBase(db: Db, task: { id: string; tenantId: string; attempts: number; maxAttempts: number }): Promise<number> {
  const retries = (await readManualRetries(db, task.tenantId, [task.id])).get(task.id);
  return currentRound(task, retries).base;
}
