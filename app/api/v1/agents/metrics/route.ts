import { withTenant } from "@/lib/http/route";
import { agentMetrics } from "@/lib/agents/metrics";
import { AgentMetricsReport, MetricsQuery } from "@/lib/agents/schemas";

/** Each agent's record over the last `days`: runs, success rate, durations, tokens and cost, findings produced and acted on. */
export const GET = withTenant(async ({ ctx, query }) => agentMetrics(ctx, query), {
  scope: "agents:read",
  query: MetricsQuery,
  response: AgentMetricsReport,
});
