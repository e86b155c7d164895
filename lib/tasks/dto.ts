import type { Task, TaskAttempt } from "@/lib/generated/prisma/client";
import type { TaskAttempt as AttemptDto, Task as TaskDto } from "@/lib/tasks/schemas";
import type { TaskErrorKind, TaskType } from "@/lib/tasks/types";

export type { TaskDto };

/** The API's view of a task (lib/tasks/schemas.ts `Task`): lease bookkeeping stays internal. */
export function toTaskDto(task: Task & { attemptLog?: TaskAttempt[] }): TaskDto {
  return {
    id: task.id,
    type: task.type as TaskType,
    status: task.status,
    input: task.input as TaskDto["input"],
    attempts: task.attempts,
    maxAttempts: task.maxAttempts,
    lastError: task.lastErrorMessage ? { message: task.lastErrorMessage, kind: task.lastErrorKind as TaskErrorKind | null } : null,
    result: task.result as TaskDto["result"],
    idempotencyKey: task.idempotencyKey,
    parentTaskId: task.parentTaskId,
    engine: task.engine as TaskDto["engine"],
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
            status: a.status as AttemptDto["status"],
            error: a.errorMessage ? { message: a.errorMessage, kind: a.errorKind as TaskErrorKind | null } : null,
            startedAt: a.startedAt,
            finishedAt: a.finishedAt,
          })),
        }
      : {}),
  };
}
