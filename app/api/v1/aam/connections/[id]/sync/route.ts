import { withTenant } from "@/lib/http/route";
import { requestSync } from "@/lib/aam/source-actions";
import { ConnectionParams } from "@/lib/aam/schemas";
import { TaskAnswer } from "@/lib/tasks/schemas";

/** 202 with the sync task (the one already queued or running, if any); follow it at /api/v1/tasks/{id}. */
export const POST = withTenant(async ({ ctx, params }) => ({ task: await requestSync({ ctx, id: params.id }) }), {
  scope: "aam:write",
  params: ConnectionParams,
  status: 202,
  rateLimit: "sync",
  idempotent: true,
  response: TaskAnswer,
});
