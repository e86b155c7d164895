import "server-only";
import { Prisma, type PrismaClient, type Task } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { toSafeError } from "@/lib/safe-error";
import { notifyTaskFailed } from "@/lib/notify/task-failed";
import { announceTask } from "@/lib/tasks/announce";
import { PermanentTaskError } from "@/lib/tasks/types";
import type { WorkflowResult } from "@/lib/tasks/workflow";
import { workflows } from "@/lib/tasks/workflows";

/**
 * The engine-side task transitions, shared by both engines. Every write is guarded by the status it
 * expects in the same statement, so a cancelled or finished task is never moved again:
 * queued -> in_progress -> success | failed, queued | in_progress -> cancelled, and (retry policy)
 * in_progress -> queued for the next attempt.
 */

/** Records the start of attempt `number`; false when the task must not run (cancelled or finished). */
export async function beginAttempt(
  db: PrismaClient,
  taskId: string,
  { number, engineRunId }: { number: number; engineRunId?: string },
): Promise<boolean> {
  const task = await db.task.findUnique({ where: { id: taskId } });
  if (!task || !["queued", "in_progress"].includes(task.status)) return false;
  const now = new Date();
  const { count } = await db.task.updateMany({
    where: { id: taskId, status: { in: ["queued", "in_progress"] } },
    data: {
      status: "in_progress",
      attempts: Math.max(task.attempts, number),
      startedAt: task.startedAt ?? now,
      engineRunId: engineRunId ?? task.engineRunId,
    },
  });
  if (count === 0) return false;
  await recordAttemptStart(db, task, number);
  return true;
}

/** Records attempt `number` (again, harmlessly, when Inngest replays a step) and announces it once. */
export async function recordAttemptStart(db: PrismaClient, task: Pick<Task, "id" | "tenantId" | "type">, number: number) {
  const where = { taskId_number: { taskId: task.id, number } };
  const known = await db.taskAttempt.findUnique({ where, select: { number: true } });
  await db.taskAttempt.upsert({ where, create: { taskId: task.id, tenantId: task.tenantId, number, status: "running" }, update: {} });
  if (!known) await announceTask(db, task, "in_progress", { attempt: number });
}

/** success, with follow-up tasks created in the same transaction; false if the task was cancelled meanwhile. */
export async function completeTask(
  db: PrismaClient,
  task: Task,
  number: number,
  result: WorkflowResult,
  leaseOwner?: string,
): Promise<{ completed: boolean; followUps: Task[] }> {
  const outcome = await completeInTransaction(db, task, number, result, leaseOwner);
  if (outcome.completed) {
    await announceTask(db, task, "success", { attempt: number });
    for (const next of outcome.followUps) await announceTask(db, next, "queued");
  }
  return outcome;
}

function completeInTransaction(
  db: PrismaClient,
  task: Task,
  number: number,
  result: WorkflowResult,
  leaseOwner?: string,
): Promise<{ completed: boolean; followUps: Task[] }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: task.id, status: "in_progress", ...(leaseOwner ? { leaseOwner } : {}) },
      data: {
        status: "success",
        result: result.summary as Prisma.InputJsonValue,
        finishedAt: new Date(),
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (count === 0) return { completed: false, followUps: [] };
    await tx.taskAttempt.updateMany({ where: { taskId: task.id, number }, data: { status: "succeeded", finishedAt: new Date() } });
    const followUps: Task[] = [];
    for (const next of result.next ?? []) {
      const key = `${task.id}/${next.type}`;
      const existing = await tx.task.findUnique({ where: { tenantId_idempotencyKey: { tenantId: task.tenantId, idempotencyKey: key } } });
      if (existing) continue;
      followUps.push(
        await tx.task.create({
          // Its own workflow's attempts: not the parent's (a parent retried by hand has a raised limit).
          data: {
            tenantId: task.tenantId,
            type: next.type,
            input: next.input as Prisma.InputJsonValue,
            maxAttempts: workflows.get(next.type)?.maxAttempts ?? task.maxAttempts,
            idempotencyKey: key,
            parentTaskId: task.id,
            engine: task.engine,
            createdById: task.createdById,
          },
        }),
      );
    }
    return { completed: true, followUps };
  });
}

/** `permanent` failures are not retried: a PermanentTaskError, or Inngest's NonRetriableError. */
export function errorKind(error: unknown): "permanent" | "retriable" {
  const permanent = error instanceof PermanentTaskError || (error instanceof Error && error.name === "NonRetriableError");
  return permanent ? "permanent" : "retriable";
}

/**
 * Records a failed attempt. A permanent error, the last allowed attempt, or `final` (the engine gave
 * up) fails the task and notifies the tenant; otherwise the task waits for `retryAt` (embedded) or
 * stays with its engine (Inngest retries itself) with the error visible. Only the error's user-safe
 * message is stored (lib/safe-error.ts); it is returned so the engine can pass it on.
 */
export async function recordFailure(
  db: PrismaClient,
  task: Task,
  {
    number,
    error,
    retryAt,
    leaseOwner,
    final: forceFinal = false,
  }: { number: number; error: unknown; retryAt?: Date; leaseOwner?: string; final?: boolean },
): Promise<{ final: boolean; message: string }> {
  const kind = errorKind(error);
  const { message } = toSafeError(error, { taskId: task.id, tenantId: task.tenantId, taskType: task.type, attempt: number });
  const final = forceFinal || kind === "permanent" || number >= task.maxAttempts;
  await db.taskAttempt.updateMany({
    where: { taskId: task.id, number },
    data: { status: "failed", errorMessage: message, errorKind: kind, finishedAt: new Date() },
  });
  const guard = { id: task.id, status: "in_progress" as const, ...(leaseOwner ? { leaseOwner } : {}) };
  const lease = { leaseOwner: null, leaseExpiresAt: null };
  if (final) {
    await markFailed(db, task, { number, message, kind, guard });
  } else if (retryAt) {
    const { count } = await db.task.updateMany({
      where: guard,
      data: { status: "queued", runAfter: retryAt, lastErrorMessage: message, lastErrorKind: kind, ...lease },
    });
    if (count > 0) await announceTask(db, task, "queued", { attempt: number, retryAt });
  } else {
    await db.task.updateMany({ where: guard, data: { lastErrorMessage: message, lastErrorKind: kind } });
  }
  return { final, message };
}

/**
 * The engine gave up on the task (Inngest's onFailure). Inngest hands the error over serialized, its
 * class lost, so the attempt's own recorded failure is kept when there is one; `error` is used (as
 * an internal error) only when the attempt failed outside a step.
 */
export async function failTask(db: PrismaClient, task: Task, { number, error }: { number: number; error: unknown }): Promise<void> {
  const attempt = await db.taskAttempt.findUnique({ where: { taskId_number: { taskId: task.id, number } } });
  if (attempt?.status !== "failed" || !attempt.errorMessage) {
    await recordFailure(db, task, { number, error, final: true });
    return;
  }
  await markFailed(db, task, {
    number,
    message: attempt.errorMessage,
    kind: attempt.errorKind ?? "retriable",
    guard: { id: task.id, status: "in_progress" },
  });
}

async function markFailed(
  db: PrismaClient,
  task: Task,
  { number, message, kind, guard }: { number: number; message: string; kind: string; guard: Prisma.TaskWhereInput },
) {
  const { count } = await db.task.updateMany({
    where: guard,
    data: {
      status: "failed",
      lastErrorMessage: message,
      lastErrorKind: kind,
      finishedAt: new Date(),
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
  if (count === 0) return;
  await announceTask(db, task, "failed", { attempt: number });
  void notifyTaskFailed(db, {
    id: task.id,
    tenantId: task.tenantId,
    type: task.type,
    input: task.input,
    lastErrorMessage: message,
    attempts: number,
  }).catch((e) => log.warn("task failure notification failed", { taskId: task.id, error: e }));
}
