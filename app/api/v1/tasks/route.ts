import { withTenant } from "@/lib/http/route";
import { budgetForTask } from "@/lib/quotas/rate-limits";
import { CreateTaskInput, ListTasksQuery, TaskAnswer, TaskPage } from "@/lib/tasks/schemas";
import { createTask, listTasks } from "@/lib/tasks/tasks";

/** The tenant's tasks, newest first (or by `sort`), filtered by `status` and `type`. */
export const GET = withTenant(async ({ ctx, query }) => listTasks({ ctx, query }), {
  scope: "tasks:read",
  query: ListTasksQuery,
  response: TaskPage,
});

/**
 * Queues a task: 201 with it. An `idempotencyKey` used before answers the existing task instead,
 * 200 with `Idempotent-Replayed: true`, and starts nothing.
 */
export const POST = withTenant(
  async ({ ctx, body }) => {
    const { task, created } = await createTask({ ctx, input: body });
    if (created) return { task };
    return Response.json({ task } satisfies TaskAnswer, { status: 200, headers: { "idempotent-replayed": "true" } });
  },
  { scope: "tasks:write", body: CreateTaskInput, status: 201, response: TaskAnswer, rateLimit: budgetForTask, idempotent: true },
);
