import { withTenant } from "@/lib/http/route";
import { listRuns } from "@/lib/agents/runs";
import { AgentRunPage, ListRunsQuery } from "@/lib/agents/schemas";

/** The tenant's agent runs, the latest first (or by `sort`), filtered by `agent` and `status`. */
export const GET = withTenant(async ({ ctx, query }) => listRuns({ ctx, query }), {
  scope: "agents:read",
  query: ListRunsQuery,
  response: AgentRunPage,
});
