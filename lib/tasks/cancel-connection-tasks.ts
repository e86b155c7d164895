import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { announceTask } from "@/lib/tasks/announce";
import { dispatchCancellation } from "@/lib/tasks/dispatch";
import { CONNECTION_DELETED, CONNECTION_TASK_TYPES } from "@/lib/tasks/targets";

/**
 * A deleted connection's unfinished tasks (syncs, drift checks, repairs) end cancelled with the
 * reason, so none sits queued or waits for a retry that cannot work; a running one stops at its next
 * step. Its failed tasks keep their own error (the list offers them no Retry: the target is gone).
 * Returns how many were cancelled.
 */
export async function cancelConnectionTasks(scope: TenantScope, connectionId: string): Promise<number> {
  const where = {
    tenantId: scope.tenantId,
    type: { in: [...CONNECTION_TASK_TYPES] },
    input: { path: ["connectionId"], equals: connectionId },
  };
  const now = new Date();
  const cancelled = await scope.db.task.updateManyAndReturn({
    where: { ...where, status: { in: ["queued", "in_progress"] } },
    data: {
      status: "cancelled",
      cancelledAt: now,
      finishedAt: now,
      lastErrorMessage: CONNECTION_DELETED,
      lastErrorKind: "target_deleted",
      leaseOwner: null,
      leaseExpiresAt: null,
    },
    select: { id: true, tenantId: true, type: true },
  });
  await Promise.all(cancelled.map((t) => dispatchCancellation({ id: t.id, tenantId: scope.tenantId })));
  for (const task of cancelled) await announceTask(scope.db, task, "cancelled");
  return cancelled.length;
}
