import { withTenant } from "@/lib/http/route";
import { requestAgentRun } from "@/lib/agents/request-run";
import { AgentParams, RunAgentInput } from "@/lib/agents/schemas";

/** Queues a run of the agent: 202 with the `agent.run` task. */
export const POST = withTenant(async ({ ctx, params, body }) => requestAgentRun({ ctx, id: params.id, input: body }), {
  scope: "agents:write",
  params: AgentParams,
  body: RunAgentInput,
  status: 202,
  rateLimit: "llm",
  idempotent: true,
});
