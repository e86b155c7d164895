import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { currentRound, describeAttempts, describeStatus, type ManualRetry, type StatusTone } from "@/lib/tasks/attempt-words";
import { describeTask } from "@/lib/tasks/describe";
import type { TaskDto } from "@/lib/tasks/dto";
import { shownError } from "@/lib/tasks/error-text";
import { loadTaskNames } from "@/lib/tasks/names";
import { readManualRetries } from "@/lib/tasks/retry-log";
import type { ListTasksQuery } from "@/lib/tasks/schemas";
import { retryBlocker, type TaskNames } from "@/lib/tasks/targets";
import { listTasks } from "@/lib/tasks/tasks";

/** A task as a row of the Orchestration page: everything in words, nothing to look up. */
export type TaskRow = {
  id: string;
  title: string;
  /** What it produced (success), or why it stopped (failure, cancellation), user-safe. */
  summary: string | null;
  error: string | null;
  status: { value: string; label: string; tone: StatusTone };
  attempts: string;
  /** Who retried it by hand, and when: the current round is a manual retry. */
  retriedBy: string | null;
  retriedAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  nextAttemptAt: Date | null;
  targetHref: string | null;
  canCancel: boolean;
  canRetry: boolean;
  /** Why Retry is not offered on a failed or cancelled task ("The connection was deleted"). */
  retryBlocked: string | null;
};

/** One page of the tenant's tasks, newest first, described for people (names looked up once for the page). */
export async function listTaskRows({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListTasksQuery;
}): Promise<{ rows: TaskRow[]; nextCursor: string | null }> {
  const { tasks, nextCursor } = await listTasks({ ctx, query });
  const retries = await readManualRetries(
    ctx.db,
    ctx.tenantId,
    tasks.map((t) => t.id),
  );
  const names = await loadTaskNames(
    ctx,
    tasks,
    [...retries.values()].map((r) => r.at(-1)?.byUserId),
  );
  return { rows: tasks.map((t) => toTaskRow(t, names, retries.get(t.id) ?? [])), nextCursor };
}

export function toTaskRow(task: TaskDto, names: TaskNames, retries: ManualRetry[]): TaskRow {
  const described = describeTask(task, names);
  const round = currentRound(task, retries);
  const lastRetry = retries.at(-1);
  const finished = task.status === "failed" || task.status === "cancelled";
  const blocker = finished ? retryBlocker(described.target, names) : null;
  return {
    id: task.id,
    title: described.title,
    summary: described.summary,
    error: task.status === "success" ? null : shownError(task.lastError?.message),
    status: { value: task.status, ...describeStatus({ status: task.status, attempts: task.attempts }, round) },
    attempts: describeAttempts({ status: task.status, attempts: task.attempts, lastErrorKind: task.lastError?.kind }, round),
    retriedBy: lastRetry ? personName(names, lastRetry.byUserId) : null,
    retriedAt: lastRetry?.at ?? null,
    createdAt: task.createdAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    nextAttemptAt: task.nextAttemptAt,
    targetHref: described.targetHref,
    canCancel: task.status === "queued" || task.status === "in_progress",
    canRetry: finished && blocker === null,
    retryBlocked: blocker,
  };
}

/** A member's name; someone who has left the tenant is "a former member". */
export function personName(names: TaskNames, userId: string | null): string {
  if (!userId) return "the system";
  return names.users.get(userId)?.name ?? "a former member";
}
