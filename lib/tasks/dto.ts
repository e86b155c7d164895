import type { Task, TaskAttempt } from "@/lib/generated/prisma/client";

/** The API's view of a task: lease bookkeeping stays internal. */
export function toTaskDto(task: Task & { attemptLog?: TaskAttempt[] }) {
  return {
    id: task.id,
    type: task.type,
    status: task.status,
    input: task.input,
    attempts: task.attempts,
    maxAttempts: task.maxAttempts,
    lastError: task.lastErrorMessage ? { message: task.lastErrorMessage, kind: task.lastErrorKind } : null,
    result: task.result,
    idempotencyKey: task.idempotencyKey,
    parentTaskId: task.parentTaskId,
    engine: task.engine,
    engineRunId: task.engineRunId,
    nextAttemptAt: task.status === "queued" && task.attempts > 0 ? task.runAfter : null,
    createdAt: task.createdAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    cancelledAt: task.cancelledAt,
    ...(task.attemptLog
      ? {
          history: task.attemptLog.map((a) => ({
            attempt: a.number,
            status: a.status,
            error: a.errorMessage ? { message: a.errorMessage, kind: a.errorKind } : null,
            startedAt: a.startedAt,
            finishedAt: a.finishedAt,
          })),
        }
      : {}),
  };
}
export type TaskDto = ReturnType<typeof toTaskDto>;
