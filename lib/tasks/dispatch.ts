import "server-only";
import type { Task } from "@/lib/generated/prisma/client";
import { inngest } from "@/inngest/client";
import { jobEngineMode } from "@/lib/jobs/mode";
import { taskEventName, type TaskType } from "@/lib/tasks/types";

type Waker = () => void;
const globalForWake = globalThis as unknown as { aosWakeEmbeddedEngine?: Waker };

/** The embedded engine registers itself so new work starts at once instead of at the next poll. */
export function onTasksQueued(wake: Waker | undefined) {
  globalForWake.aosWakeEmbeddedEngine = wake;
}

export const TASK_CANCELLED_EVENT = "aos/task.cancelled";

/** Hands queued tasks to the active engine. */
export async function dispatchTasks(tasks: Pick<Task, "id" | "tenantId" | "type" | "attempts" | "runAfter">[]): Promise<void> {
  if (tasks.length === 0) return;
  if (jobEngineMode() === "inngest") {
    // The event id makes a re-sent dispatch of the same queueing a no-op in Inngest; a manual retry
    // moves `runAfter`, so it is a new event even when no attempt ran since (a cancelled queued task).
    await inngest.send(
      tasks.map((t) => ({
        id: `${t.id}:${t.attempts}:${t.runAfter.getTime()}`,
        name: taskEventName(t.type as TaskType),
        data: { taskId: t.id, tenantId: t.tenantId },
      })),
    );
    return;
  }
  globalForWake.aosWakeEmbeddedEngine?.();
}

export async function dispatchCancellation(task: Pick<Task, "id" | "tenantId">): Promise<void> {
  if (jobEngineMode() === "inngest") await inngest.send({ name: TASK_CANCELLED_EVENT, data: { taskId: task.id, tenantId: task.tenantId } });
}
