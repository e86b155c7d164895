import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { tenantDb } from "@/lib/db/scope";
import { beginAttempt, completeTask, errorKind, failTask, recordFailure } from "@/lib/tasks/lifecycle";
import { TASK_CANCELLED_EVENT } from "@/lib/tasks/dispatch";
import { PermanentTaskError, TaskEvent, taskEventName, type TaskType } from "@/lib/tasks/types";
import type { Workflow } from "@/lib/tasks/workflow";

/** Inngest types `retries` as the literal range 0..20. */
type Retries = NonNullable<Parameters<typeof inngest.createFunction>[0]["retries"]>;

/**
 * Wraps one workflow definition as an Inngest function: the event payload is parsed before any
 * work, every workflow step is an Inngest step, retries back off, concurrency is keyed by tenant,
 * a cancel event stops the run, and the failure handler marks the task failed.
 */
export function createTaskFunction(workflow: Workflow<any>) {
  return inngest.createFunction(
    {
      id: workflow.type.replace(/\./g, "-"),
      name: workflow.description,
      triggers: [{ event: taskEventName(workflow.type) }],
      retries: Math.min(Math.max(workflow.maxAttempts - 1, 0), 20) as Retries,
      concurrency: [{ key: "event.data.tenantId", limit: env.tasks.perTenantConcurrency }],
      cancelOn: [{ event: TASK_CANCELLED_EVENT, if: "async.data.taskId == event.data.taskId" }],
      onFailure: async ({ event, error }) => {
        const { taskId, tenantId } = TaskEvent.parse(event.data.event.data);
        const db = tenantDb(await getDb(), tenantId);
        const task = await db.task.findUnique({ where: { id: taskId } });
        if (task?.status === "in_progress") await failTask(db, task, { number: task.attempts, error });
      },
    },
    async ({ event, step, runId, attempt }) => {
      const { taskId, tenantId } = TaskEvent.parse(event.data);
      const db = tenantDb(await getDb(), tenantId);
      const number = attempt + 1;
      // Memoized: a replay after completion must not see the finished task as "do not run".
      const started = await step.run("begin", () => beginAttempt(db, taskId, { number, engineRunId: runId }));
      if (!started) return { skipped: true, reason: "task is cancelled or already finished" };
      const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });

      const input = workflow.input.safeParse(task.input);
      if (!input.success) {
        const { message } = await recordFailure(db, task, {
          number,
          error: new PermanentTaskError(`Invalid input: ${input.error.issues[0]?.message}`),
        });
        throw new NonRetriableError(message);
      }
      const result = await workflow.run({
        taskId,
        tenantId: task.tenantId,
        attempt: number,
        input: input.data,
        db,
        step: {
          run: <T>(name: string, fn: () => Promise<T>) =>
            step.run(name, async () => {
              // Each execution of a step (first try or Inngest's retry) is an attempt of the task.
              if (!(await beginAttempt(db, taskId, { number, engineRunId: runId }))) throw new NonRetriableError("The task was cancelled");
              try {
                return await fn();
              } catch (error) {
                // The task stores the user-safe message; the raw error goes to Inngest's run history (operators', like the log).
                const { message } = await recordFailure(db, task, { number, error });
                if (errorKind(error) === "permanent") throw new NonRetriableError(message, { cause: error });
                throw error;
              }
            }) as Promise<T>,
        },
      });
      const followUps = await step.run("complete", async () => {
        const { followUps } = await completeTask(db, task, number, result);
        return followUps.map((t) => ({ id: t.id, tenantId: t.tenantId, type: t.type as TaskType }));
      });
      if (followUps.length) {
        await step.sendEvent(
          "dispatch-follow-ups",
          followUps.map((t) => ({ id: `${t.id}:0`, name: taskEventName(t.type), data: { taskId: t.id, tenantId: t.tenantId } })),
        );
      }
      return result.summary;
    },
  );
}
