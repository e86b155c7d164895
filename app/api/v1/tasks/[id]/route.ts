import { withTenant } from "@/lib/http/route";
import { TaskAnswer, TaskParams } from "@/lib/tasks/schemas";
import { getTask } from "@/lib/tasks/tasks";

/** One task with its attempts' history. */
export const GET = withTenant(async ({ ctx, params }) => ({ task: await getTask({ ctx, id: params.id }) }), {
  scope: "tasks:read",
  params: TaskParams,
  response: TaskAnswer,
});
