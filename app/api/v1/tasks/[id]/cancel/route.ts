import { withTenant } from "@/lib/http/route";
import { TaskAnswer, TaskParams } from "@/lib/tasks/schemas";
import { cancelTask } from "@/lib/tasks/tasks";

/** Cancels a queued or running task (409 once it has finished); a running attempt stops at its next step. */
export const POST = withTenant(async ({ ctx, params }) => ({ task: await cancelTask({ ctx, id: params.id }) }), {
  scope: "tasks:write",
  params: TaskParams,
  response: TaskAnswer,
});
