import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { toTaskDto, type TaskDto } from "@/lib/tasks/dto";
import { createTask } from "@/lib/tasks/tasks";

/** Queues a `dcl.rebuild` task, or answers the one already queued or running. */
export async function requestDclRebuild({ ctx }: { ctx: TenantContext }): Promise<TaskDto> {
  const pending = await ctx.db.task.findFirst({
    where: { tenantId: ctx.tenantId, type: "dcl.rebuild", status: { in: ["queued", "in_progress"] } },
  });
  if (pending) return toTaskDto(pending);
  const { task } = await createTask({ ctx, input: { type: "dcl.rebuild", input: {} } });
  return task;
}
