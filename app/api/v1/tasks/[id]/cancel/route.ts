import { withTenant } from "@/lib/http/route";
import { cancelTask } from "@/lib/tasks/tasks";
import { TaskParams } from "@/lib/tasks/schemas";

export const POST = withTenant(async ({ ctx, params }) => ({ task: await cancelTask({ ctx, id: params.id }) }), {
  scope: "tasks:write",
  params: TaskParams,
});
