import "server-only";
import { ConflictError, NotFoundError, UnavailableError, ValidationError } from "@/lib/errors";
import { Prisma, type Task } from "@/lib/generated/prisma/client";
import type { Actor, TenantContext, TenantScope } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import { jobEngineMode } from "@/lib/jobs/mode";
import { log } from "@/lib/log";
import { dispatchCancellation, dispatchTasks } from "@/lib/tasks/dispatch";
import { toTaskDto, type TaskDto } from "@/lib/tasks/dto";
import type { CreateTaskInput, ListTasksQuery } from "@/lib/tasks/schemas";
import { workflows as defaultWorkflows, type WorkflowRegistry } from "@/lib/tasks/workflows";

/**
 * Creates a task, validating its input against the workflow's schema. With an idempotency key
 * already used in this tenant, returns the existing task (`created: false`) and runs nothing new.
 */
/** Queues a task; `ctx.actor` is who asked (none for the scheduler). */
export async function createTask({ ctx, input, workflows = defaultWorkflows }: { ctx: TaskCreator; input: CreateTaskInput; workflows?: WorkflowRegistry }): Promise<{ task: TaskDto; created: boolean }> {
  const workflow = workflows.get(input.type);
  if (!workflow) throw new ValidationError(`Unknown task type "${input.type}"`);
  const parsed = workflow.input.safeParse(input.input);
  if (!parsed.success) {
    throw new ValidationError(`Invalid input for ${input.type}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
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
      data: { status: "failed", lastErrorMessage: "Could not hand the task to the job engine", lastErrorKind: "dispatch", finishedAt: new Date() },
    });
    throw new UnavailableError("The job engine is not reachable; the task was marked failed");
  }
}

/** Scoped to the tenant. Throws NotFoundError. */
export async function getTask({ ctx, id }: { ctx: TenantContext; id: string }): Promise<TaskDto> {
  const task = await ctx.db.task.findFirst({ where: { id, tenantId: ctx.tenantId }, include: { attemptLog: { orderBy: { number: "asc" } } } });
  if (!task) throw new NotFoundError("Task");
  return toTaskDto(task);
}

export async function listTasks({ ctx, query }: { ctx: TenantContext; query: ListTasksQuery }): Promise<{ tasks: TaskDto[]; nextCursor: string | null }> {
  if (query.cursor && !(await ctx.db.task.count({ where: { id: query.cursor, tenantId: ctx.tenantId } }))) {
    throw new ValidationError("Invalid cursor");
  }
  const rows = await ctx.db.task.findMany({
    where: { tenantId: ctx.tenantId, status: query.status, type: query.type },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { tasks: items.map((t) => toTaskDto(t)), nextCursor };
}

/** queued or in_progress -> cancelled. A running attempt stops at its next step; its result is discarded. */
export async function cancelTask({ ctx, id }: { ctx: TenantContext; id: string }): Promise<TaskDto> {
  const { count } = await ctx.db.task.updateMany({
    where: { id, tenantId: ctx.tenantId, status: { in: ["queued", "in_progress"] } },
    data: { status: "cancelled", cancelledAt: new Date(), finishedAt: new Date(), lastErrorKind: "cancelled", leaseOwner: null, leaseExpiresAt: null },
  });
  const task = await getTask({ ctx, id });
  if (count === 0) throw new ConflictError(`Task is already ${task.status}`);
  await dispatchCancellation({ id, tenantId: ctx.tenantId });
  return task;
}

/** failed or cancelled -> queued: a new attempt of the same task, with a fresh attempt budget. */
export async function retryTask({ ctx, id, workflows = defaultWorkflows }: { ctx: TenantContext; id: string; workflows?: WorkflowRegistry }): Promise<TaskDto> {
  const current = await ctx.db.task.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!current) throw new NotFoundError("Task");
  const budget = current.maxAttempts - Math.min(current.attempts, current.maxAttempts);
  const extra = workflows.get(current.type as never)?.maxAttempts ?? 1;
  const { count } = await ctx.db.task.updateMany({
    where: { id, tenantId: ctx.tenantId, status: { in: ["failed", "cancelled"] } },
    data: { status: "queued", maxAttempts: current.attempts + Math.max(budget, extra), runAfter: new Date(), finishedAt: null, cancelledAt: null, engine: jobEngineMode() },
  });
  if (count === 0) throw new ConflictError(`Only failed or cancelled tasks can be retried; this one is ${current.status}`);
  const task = (await ctx.db.task.findFirst({ where: { id, tenantId: ctx.tenantId } }))!;
  await dispatchOrFail(ctx, task);
  return getTask({ ctx, id });
}
