import "server-only";
import { tenantDb } from "@/lib/db/scope";
import { publishTenantEvent } from "@/lib/events/publish";
import type { PrismaClient, Task, TaskStatus } from "@/lib/generated/prisma/client";

/**
 * A task's transition as a live `task.updated` event (lib/events), for pages and API clients to
 * follow. Written in the task's tenant scope: the engine's own client has none.
 */
export function announceTask(
  db: PrismaClient,
  task: Pick<Task, "id" | "tenantId" | "type">,
  status: TaskStatus,
  details: { attempt?: number; retryAt?: Date } = {},
): Promise<void> {
  return publishTenantEvent({ tenantId: task.tenantId, db: tenantDb(db, task.tenantId) }, "task.updated", {
    taskId: task.id,
    kind: task.type,
    status,
    ...(details.attempt === undefined ? {} : { attempt: details.attempt }),
    ...(details.retryAt ? { retryAt: details.retryAt.toISOString() } : {}),
  });
}
