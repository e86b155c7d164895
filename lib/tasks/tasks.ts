import "server-only";
import { ConflictError, NotFoundError, UnavailableError, ValidationError } from "@/lib/errors";
import { Prisma, type Task } from "@/lib/generated/prisma/client";
import type { Actor, TenantContext, TenantScope } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import { jobEngineMode } from "@/lib/jobs/mode";
import { log } from "@/lib/log";
import { announceTask } from "@/lib/tasks/announce";
import { dispatchCancellation, dispatchTasks } from "@/lib/tasks/dispatch";
import { toTaskDto, type TaskDto } from "@/lib/tasks/dto";
import { type CreateTaskInput, DEFAULT_TASK_SORT, type ListTasksQuery } from "@/lib/tasks/schemas";
import { orderOf } from "@/lib/http/list";
import { workflows as defaultWorkflows, type WorkflowRegistry } from "@/lib/tasks/workflows";
import { loadTaskNames } from "@/lib/tasks/names";
import { recordManualRetry } from "@/lib/tasks/retry-log";
import { retryBlocker, taskTarget } from "@/lib/tasks/targets";

/**
 * Creates a task, validating its input against the workflow's schema. With an idempotency key
 * already used in this tenant, returns the existing task (`created: false`) and runs nothing new.
 * `ctx.actor` is who asked (none for the scheduler).
 */
export async function createTask({
  ctx,
  input,
  workflows = defaultWorkflows,
}: {
  ctx: TaskCreator;
  input: CreateTaskInput;
  workflows?: WorkflowRegistry;
}): Promise<{ task: TaskDto; created: boolean }> {
  const workflow = workflows.get(input.type);
  if (!workflow) throw new ValidationError(`Unknown task type "${input.type}"`);
  const parsed = workflow.input.safeParse(input.input);
  if (!parsed.success) {
    throw new ValidationError(
      `Invalid input for ${input.type}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`,
    );
  }
  if (input.idempotencyKey) {
    const existing = await findByKey(ctx, input.idempotencyKey);
    if (existing) return { task: assertSameRequest(existing, input), created: false };
  }
  let task: Task;
  try {
    task = await ctx.db.task.create({
      data: {
        tenantId: ctx.tenantId,
        type: input.type,
        input: parsed.data as Prisma.InputJsonValue,
        maxAttempts: input.maxAttempts ?? workflow.maxAttempts,
        idempotencyKey: input.idempotencyKey,
        engine: jobEngineMode(),
        createdById: ctx.actor?.userId ?? null,
      },
    });
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's task.
    if (input.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await findByKey(ctx, input.idempotencyKey);
      if (existing) return { task: assertSameRequest(existing, input), created: false };
    }
    throw error;
  }
  await dispatchOrFail(ctx, task);
  await announceTask(ctx.db, task, "queued");
  return { task: toTaskDto(task), created: true };
}

type TaskCreator = TenantScope & { actor?: Actor };

function findByKey(ctx: TaskCreator, idempotencyKey: string) {
  return ctx.db.task.findUnique({ where: { tenantId_idempotencyKey: { tenantId: ctx.tenantId, idempotencyKey } } });
}

function assertSameRequest(existing: Task, input: CreateTaskInput): TaskDto {
  if (existing.type !== input.type) throw new ConflictError(`Idempotency key already used for a ${existing.type} task`);
  return toTaskDto(existing);
}

/** A task the engine never heard of must not sit queued forever: it fails with the reason. */
async function dispatchOrFail(ctx: TaskCreator, task: Task) {
  try {
    await dispatchTasks([task]);
  } catch (error) {
    log.error("task dispatch failed", { taskId: task.id, error });
    await ctx.db.task.updateMany({
      where: { id: task.id, tenantId: ctx.tenantId, status: "queued" },
      data: {
        status: "failed",
        lastErrorMessage: "Could not hand the task to the job engine",
        lastErrorKind: "dispatch",
        finishedAt: new Date(),
      },
    });
    throw new UnavailableError("The job engine is not reachable; the task was marked failed");
  }
}

/** Scoped to the tenant. Throws NotFoundError. */
export async function getTask({ ctx, id }: { ctx: TenantContext; id: string }): Promise<TaskDto> {
  const task = await ctx.db.task.findFirst({
    where: { id, tenantId: ctx.tenantId },
    include: { attemptLog: { orderBy: { number: "asc" } } },
  });
  if (!task) throw new NotFoundError("Task");
  return toTaskDto(task);
}

/** A page of the tenant's tasks, newest first unless `sort` says otherwise. A cursor from another tenant is refused. */
export async function listTasks({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListTasksQuery;
}): Promise<{ tasks: TaskDto[]; nextCursor: string | null }> {
  if (query.cursor && !(await ctx.db.task.count({ where: { id: query.cursor, tenantId: ctx.tenantId } }))) {
    throw new ValidationError("Invalid cursor");
  }
  const sort = query.sort ?? DEFAULT_TASK_SORT;
  const rows = await ctx.db.task.findMany({
    // A keyset page cannot order by a missing value: sorted by finishedAt, it holds finished tasks.
    where: {
      tenantId: ctx.tenantId,
      status: query.status,
      type: query.type,
      ...(sort.field === "finishedAt" && { finishedAt: { not: null } }),
    },
    orderBy: orderOf(sort),
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { tasks: items.map((t) => toTaskDto(t)), nextCursor };
}

/** queued or in_progress -> cancelled. A running attempt stops at its next step; its result is discarded. */
export async function cancelTask({ ctx, id }: { ctx: TenantContext; id: string }): Promise<TaskDto> {
  const { count } = await ctx.db.task.updateMany({
    where: { id, tenantId: ctx.tenantId, status: { in: ["queued", "in_progress"] } },
    data: {
      status: "cancelled",
      cancelledAt: new Date(),
      finishedAt: new Date(),
      lastErrorKind: "cancelled",
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
  const task = await getTask({ ctx, id });
  if (count === 0) throw new ConflictError(`Task is already ${task.status}`);
  await dispatchCancellation({ id, tenantId: ctx.tenantId });
  await announceTask(ctx.db, { id, tenantId: ctx.tenantId, type: task.type }, "cancelled");
  return task;
}

/**
 * failed or cancelled -> queued, to run at once (no backoff wait): a manual retry starts a new round
 * with a fresh budget of the workflow's attempts, recorded with who asked (lib/tasks/retry-log.ts).
 * Refused while the task's target is gone (a deleted connection) or its agent is disabled.
 */
export async function retryTask({
  ctx,
  id,
  workflows = defaultWorkflows,
}: {
  ctx: TenantContext;
  id: string;
  workflows?: WorkflowRegistry;
}): Promise<TaskDto> {
  const current = await ctx.db.task.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!current) throw new NotFoundError("Task");
  if (current.status !== "failed" && current.status !== "cancelled")
    throw new ConflictError(`Only failed or cancelled tasks can be retried; this one is ${current.status.replace("_", " ")}`);
  const blocker = retryBlocker(taskTarget(current.type, current.input), await loadTaskNames(ctx, [current]));
  if (blocker) throw new ConflictError(`This task can't be retried: ${blocker.charAt(0).toLowerCase()}${blocker.slice(1)}`);
  const budget = workflows.get(current.type as never)?.maxAttempts ?? current.maxAttempts;
  const retried = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id, tenantId: ctx.tenantId, status: { in: ["failed", "cancelled"] }, attempts: current.attempts },
      data: {
        // The round's own timing: started and finished are those of the attempts from now on.
        status: "queued",
        maxAttempts: current.attempts + budget,
        runAfter: new Date(),
        startedAt: null,
        finishedAt: null,
        cancelledAt: null,
        lastErrorMessage: null,
        lastErrorKind: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        engine: jobEngineMode(),
      },
    });
    if (count === 0) return null;
    await recordManualRetry(tx, current, {
      byUserId: ctx.actor.userId,
      afterAttempts: current.attempts,
      budget,
      previousMaxAttempts: current.maxAttempts,
    });
    return tx.task.findFirstOrThrow({ where: { id, tenantId: ctx.tenantId } });
  });
  if (!retried) throw new ConflictError("The task changed meanwhile; reload and try again");
  await dispatchOrFail(ctx, retried);
  await announceTask(ctx.db, retried, "queued");
  return getTask({ ctx, id });
}
