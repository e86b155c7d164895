import { withTenant } from "@/lib/http/route";
import { TaskAnswer, TaskParams } from "@/lib/tasks/schemas";
import { retryTask } from "@/lib/tasks/tasks";

/** Runs a failed or cancelled task again at once, with a fresh round of attempts (409 when its target is gone). */
export const POST = withTenant(async ({ ctx, params }) => ({ task: await retryTask({ ctx, id: params.id }) }), {
  scope: "tasks:write",
  params: TaskParams,
  response: TaskAnswer,
  idempotent: true,
});
