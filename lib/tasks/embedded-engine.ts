import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient, type Task } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { systemDb, tenantDb } from "@/lib/db/scope";
import { completeTask, recordAttemptStart, recordFailure } from "@/lib/tasks/lifecycle";
import { dispatchTasks } from "@/lib/tasks/dispatch";
import { isRetryRecord, roundBase } from "@/lib/tasks/retry-log";
import { PermanentTaskError } from "@/lib/tasks/types";
import type { StepTools } from "@/lib/tasks/workflow";
import type { WorkflowRegistry } from "@/lib/tasks/workflows";

/**
 * The embedded engine: runs the same workflow definitions as Inngest, in-process, from the task
 * table (so a restart loses nothing queued). Claims are one atomic UPDATE ... FOR UPDATE SKIP LOCKED
 * with a lease; a runner that dies leaves a lease that expires, and the task is claimed again as a
 * new attempt. Completed steps are stored and replayed, so a resumed task never re-runs them.
 * Per-tenant concurrency is enforced in the claim, so one tenant's burst cannot take every slot.
 *
 * The claim is the one request-path query that reads across tenants (it picks the next task of
 * any tenant), so it alone runs in the system scope; it reads and writes only the `tasks` row it
 * claims. Everything after it, the workflow included, runs in the claimed task's tenant scope.
 */
export type EngineOptions = {
  db: PrismaClient;
  workflows: WorkflowRegistry;
  /** Tasks running at once in this process. */
  slots?: number;
  /** Tasks of one tenant running at once, across all runners. */
  perTenant?: number;
  pollMs?: number;
  leaseMs?: number;
  backoffBaseMs?: number;
  /** Restricts this runner to some tenants (a dedicated runner); all tenants when absent. */
  tenantIds?: string[];
};

export type EmbeddedEngine = { start(): void; stop(): Promise<void>; wake(): void; readonly runnerId: string; readonly running: boolean };

class TaskCancelledError extends Error {}

export function createEmbeddedEngine(options: EngineOptions): EmbeddedEngine {
  const { db: base, workflows, slots = 4, perTenant = 2, pollMs = 1_000, leaseMs = 30_000, backoffBaseMs = 1_000, tenantIds } = options;
  const tenantFilter = tenantIds ? Prisma.sql`AND c.tenant_id = ANY(${tenantIds}::uuid[])` : Prisma.empty;
  const claimDb = systemDb(base, "job engine claim");
  const runnerId = `embedded:${process.pid}:${randomUUID().slice(0, 8)}`;
  const active = new Map<string, Promise<void>>();
  let running = false;
  let ticking = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function tick() {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        while (running && active.size < slots) {
          const claimed = await claim();
          if (!claimed) break;
          const run = execute(claimed.task, claimed.previous).finally(() => {
            active.delete(claimed.task.id);
            void tick();
          });
          active.set(claimed.task.id, run);
        }
      } while (again && running);
    } catch (error) {
      log.error("embedded engine tick failed", { error });
    } finally {
      ticking = false;
    }
  }

  /**
   * The next runnable task: queued and due, or in progress under a lapsed lease (its runner died).
   * Never one this process is still running: a stalled event loop can let its own lease lapse.
   */
  async function claim(): Promise<{ task: Task; previous: string } | null> {
    const rows = await claimDb.$queryRaw<{ id: string; previous_status: string }[]>(Prisma.sql`
      WITH picked AS (
        SELECT c.id, c.status::text AS previous_status FROM tasks c
        WHERE c.engine = 'embedded' ${tenantFilter}
          AND ((c.status = 'queued' AND c.run_after <= now()) OR (c.status = 'in_progress' AND c.lease_expires_at < now()))
          AND NOT (c.id = ANY(${[...active.keys()]}::uuid[]))
          AND (SELECT count(*) FROM tasks r
               WHERE r.tenant_id = c.tenant_id AND r.status = 'in_progress' AND r.lease_expires_at >= now()) < ${perTenant}
        ORDER BY c.run_after, c.created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      UPDATE tasks t SET status = 'in_progress', attempts = t.attempts + 1, lease_owner = ${runnerId},
        lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}), started_at = coalesce(t.started_at, now()),
        engine_run_id = ${runnerId}, updated_at = now()
      FROM picked WHERE t.id = picked.id
      RETURNING t.id, picked.previous_status`);
    if (rows.length === 0) return null;
    const task = await claimDb.task.findUniqueOrThrow({ where: { id: rows[0].id } });
    return { task, previous: rows[0].previous_status };
  }

  async function execute(task: Task, previousStatus: string) {
    const db = tenantDb(base, task.tenantId);
    const number = task.attempts;
    if (previousStatus === "in_progress") {
      // The previous runner died mid-attempt (its lease expired): close that attempt.
      await db.taskAttempt.updateMany({
        where: { taskId: task.id, number: number - 1, status: "running" },
        data: { status: "failed", errorKind: "lease_expired", errorMessage: "The runner stopped before finishing", finishedAt: new Date() },
      });
    }
    await recordAttemptStart(db, task, number);
    const heartbeat = setInterval(
      () => {
        void db.task
          .updateMany({
            where: { id: task.id, status: "in_progress", leaseOwner: runnerId },
            data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
          })
          .catch((error) => log.warn("lease renewal failed", { taskId: task.id, error }));
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    try {
      if (number > task.maxAttempts) throw new PermanentTaskError("No attempts left: the runner stopped during the last attempt");
      const workflow = workflows.get(task.type as never);
      if (!workflow) throw new PermanentTaskError(`No workflow is defined for task type "${task.type}"`);
      const input = workflow.input.safeParse(task.input);
      if (!input.success) throw new PermanentTaskError(`Invalid input: ${input.error.issues[0]?.message}`);
      const result = await workflow.run({
        taskId: task.id,
        tenantId: task.tenantId,
        attempt: number,
        input: input.data,
        step: durableStep(task, db),
        db,
      });
      const { followUps } = await completeTask(db, task, number, result, runnerId);
      await dispatchTasks(followUps);
    } catch (error) {
      if (error instanceof TaskCancelledError) {
        await db.taskAttempt.updateMany({
          where: { taskId: task.id, number },
          data: { status: "cancelled", errorKind: "cancelled", finishedAt: new Date() },
        });
        return;
      }
      // The backoff counts from the current round: a manual retry's first failure waits the first delay again.
      const inRound = number - (await roundBase(db, task).catch(() => 0));
      await recordFailure(db, task, {
        number,
        error,
        retryAt: new Date(Date.now() + backoff(inRound, backoffBaseMs)),
        leaseOwner: runnerId,
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  function durableStep(task: Task, db: PrismaClient): StepTools {
    return {
      async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
        if (isRetryRecord(name)) throw new PermanentTaskError(`The step name "${name}" is reserved`);
        const done = await db.taskStep.findUnique({ where: { taskId_name: { taskId: task.id, name } } });
        if (done) return done.output as T;
        const current = await db.task.findUnique({ where: { id: task.id }, select: { status: true, leaseOwner: true } });
        if (current?.status !== "in_progress" || current.leaseOwner !== runnerId) throw new TaskCancelledError();
        const output = await fn();
        await db.taskStep.create({
          data: {
            taskId: task.id,
            tenantId: task.tenantId,
            name,
            output: output === undefined ? Prisma.JsonNull : (output as Prisma.InputJsonValue),
          },
        });
        return output;
      },
    };
  }

  return {
    runnerId,
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      timer = setInterval(() => void tick(), pollMs);
      void tick();
    },
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.allSettled([...active.values()]);
    },
    wake() {
      void tick();
    },
  };
}

/** Exponential backoff with ±20% jitter, capped at ten minutes. */
export function backoff(attempt: number, baseMs: number): number {
  const raw = Math.min(baseMs * 2 ** (Math.max(attempt, 1) - 1), 600_000);
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}
