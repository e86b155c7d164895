import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import type { TaskAttempt } from "@/lib/generated/prisma/client";
import { currentRound, type ManualRetry, type StatusTone } from "@/lib/tasks/attempt-words";
import { describeTask } from "@/lib/tasks/describe";
import { toTaskDto } from "@/lib/tasks/dto";
import { shownError } from "@/lib/tasks/error-text";
import { loadTaskNames } from "@/lib/tasks/names";
import { isRetryRecord, readManualRetries } from "@/lib/tasks/retry-log";
import type { TaskNames } from "@/lib/tasks/targets";
import { TERMINAL, type TaskStatus } from "@/lib/tasks/types";
import { inputDetails, resultDetails, stepLabel, type DetailLine } from "@/lib/tasks/detail-lines";
import { personName, toTaskRow, type TaskRow } from "@/lib/tasks/task-rows";

export type AttemptView = {
  number: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  outcome: string;
  tone: StatusTone;
  error: string | null;
};

/** The attempts between two manual retries; the first round has no retry. */
export type RoundView = { retry: { at: Date; by: string } | null; budget: number; attempts: AttemptView[] };

export type TaskDetail = TaskRow & {
  /** "Demo User", "the schedule", or the task this one follows up. */
  origin: { kind: "person"; name: string } | { kind: "schedule" } | { kind: "follow-up"; id: string; title: string } | { kind: "system" };
  engine: string;
  durationMs: number | null;
  rounds: RoundView[];
  steps: { label: string; completedAt: Date }[];
  input: DetailLine[];
  result: DetailLine[];
  followUps: { id: string; title: string; status: TaskRow["status"] }[];
};

/** One task with its whole history, for its page. Scoped to the tenant: another tenant's task is NotFoundError. */
export async function getTaskDetail({ ctx, id }: { ctx: TenantContext; id: string }): Promise<TaskDetail> {
  const task = await ctx.db.task.findFirst({
    where: { id, tenantId: ctx.tenantId },
    include: {
      attemptLog: { orderBy: { number: "asc" } },
      steps: { orderBy: { completedAt: "asc" }, select: { name: true, completedAt: true } },
    },
  });
  if (!task) throw new NotFoundError("Task");
  const related = await ctx.db.task.findMany({
    where: { tenantId: ctx.tenantId, OR: [{ parentTaskId: task.id }, ...(task.parentTaskId ? [{ id: task.parentTaskId }] : [])] },
    orderBy: { createdAt: "asc" },
  });
  const retriesByTask = await readManualRetries(ctx.db, ctx.tenantId, [task.id, ...related.map((t) => t.id)]);
  const retries = retriesByTask.get(task.id) ?? [];
  const names = await loadTaskNames(ctx, [task, ...related], [task.createdById, ...retries.map((r) => r.byUserId)]);
  const dto = toTaskDto(task);
  const row = toTaskRow(dto, names, retries);
  const parent = related.find((t) => t.id === task.parentTaskId);
  return {
    ...row,
    origin: parent
      ? { kind: "follow-up", id: parent.id, title: describeTask(parent, names).title }
      : task.createdById
        ? { kind: "person", name: personName(names, task.createdById) }
        : (task.input as { trigger?: unknown } | null)?.trigger === "schedule"
          ? { kind: "schedule" }
          : { kind: "system" },
    engine: task.engine,
    durationMs: task.startedAt && task.finishedAt ? task.finishedAt.getTime() - task.startedAt.getTime() : null,
    rounds: toRounds(task, task.attemptLog, retries, names),
    steps: task.steps.filter((s) => !isRetryRecord(s.name)).map((s) => ({ label: stepLabel(s.name, names), completedAt: s.completedAt })),
    input: inputDetails(task.type, task.input, names),
    result: task.status === "success" ? resultDetails(task.type, task.result, names) : [],
    followUps: related
      .filter((t) => t.parentTaskId === task.id)
      .map((t) => {
        const r = toTaskRow(toTaskDto(t), names, retriesByTask.get(t.id) ?? []);
        return { id: r.id, title: r.title, status: r.status };
      }),
  };
}

const OUTCOMES: Record<string, { outcome: string; tone: StatusTone }> = {
  running: { outcome: "Running", tone: "info" },
  succeeded: { outcome: "Succeeded", tone: "success" },
  failed: { outcome: "Failed", tone: "danger" },
  cancelled: { outcome: "Cancelled", tone: "neutral" },
};

/** Attempts grouped by manual retry, numbered within their round ("Attempt 1" again after a retry). */
function toRounds(
  task: { status: string; attempts: number; maxAttempts: number },
  attempts: TaskAttempt[],
  retries: ManualRetry[],
  names: TaskNames,
): RoundView[] {
  const firstBudget = retries[0]?.previousMaxAttempts ?? currentRound(task).budget;
  const rounds: (RoundView & { base: number })[] = [{ retry: null, budget: firstBudget, attempts: [], base: 0 }];
  for (const r of retries)
    rounds.push({ retry: { at: r.at, by: personName(names, r.byUserId) }, budget: r.budget, attempts: [], base: r.afterAttempts });
  for (const a of attempts) {
    const round = rounds.findLast((r) => a.number > r.base) ?? rounds[0]!;
    const outcome =
      a.errorKind === "lease_expired"
        ? { outcome: "Stopped: the runner went away", tone: "warning" as const }
        : a.status === "running" && TERMINAL.has(task.status as TaskStatus)
          ? { outcome: "Stopped", tone: "neutral" as const }
          : (OUTCOMES[a.status] ?? { outcome: "Unknown", tone: "neutral" as const });
    round.attempts.push({
      number: a.number - round.base,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      durationMs: a.finishedAt ? a.finishedAt.getTime() - a.startedAt.getTime() : null,
      ...outcome,
      error: shownError(a.errorMessage),
    });
  }
  // A retry of a task cancelled before it ever ran leaves an empty first round: nothing to show.
  return rounds.filter((r, i) => i === rounds.length - 1 || r.attempts.length > 0 || r.retry !== null).map(({ base: _base, ...r }) => r);
}
