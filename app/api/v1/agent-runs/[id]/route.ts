import { withTenant } from "@/lib/http/route";
import { getRun } from "@/lib/agents/runs";
import { AgentRun, RunParams } from "@/lib/agents/schemas";

/** One run: its inputs, the queries it ran, its figures, narrative, tokens and outcome. */
export const GET = withTenant(async ({ ctx, params }) => getRun({ ctx, id: params.id }), {
  scope: "agents:read",
  params: RunParams,
  response: AgentRun,
});
