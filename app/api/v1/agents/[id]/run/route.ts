import { withTenant } from "@/lib/http/route";
import { requestAgentRun } from "@/lib/agents/request-run";
import { AgentParams, RunAgentInput } from "@/lib/agents/schemas";
import { TaskAnswer } from "@/lib/tasks/schemas";

/** Queues a run of the agent: 202 with the `agent.run` task (409 for a disabled agent). */
export const POST = withTenant(async ({ ctx, params, body }) => requestAgentRun({ ctx, id: params.id, input: body }), {
  scope: "agents:write",
  params: AgentParams,
  body: RunAgentInput,
  status: 202,
  response: TaskAnswer,
  rateLimit: "llm",
  idempotent: true,
});
