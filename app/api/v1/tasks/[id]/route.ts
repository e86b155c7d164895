import { withTenant } from "@/lib/http/route";
import { getTask } from "@/lib/tasks/tasks";
import { TaskParams } from "@/lib/tasks/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ task: await getTask({ ctx, id: params.id }) }), {
  scope: "tasks:read",
  params: TaskParams,
});
