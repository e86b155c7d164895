import { withTenant } from "@/lib/http/route";
import { createTask, listTasks } from "@/lib/tasks/tasks";
import { CreateTaskInput, ListTasksQuery } from "@/lib/tasks/schemas";
import { budgetForTask } from "@/lib/quotas/rate-limits";

export const GET = withTenant(async ({ ctx, query }) => listTasks({ ctx, query }), { scope: "tasks:read", query: ListTasksQuery });

/** 201 with a new task; 200 with the existing one when the idempotency key was used before. */
export const POST = withTenant(
  async ({ ctx, body }) => {
    const { task, created } = await createTask({ ctx, input: body });
    return Response.json({ task }, { status: created ? 201 : 200 });
  },
  { scope: "tasks:write", body: CreateTaskInput, rateLimit: budgetForTask, idempotent: true },
);
