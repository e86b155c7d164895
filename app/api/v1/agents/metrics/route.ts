import { withTenant } from "@/lib/http/route";
import { agentMetrics } from "@/lib/agents/metrics";
import { MetricsQuery } from "@/lib/agents/schemas";

export const GET = withTenant(async ({ ctx, query }) => agentMetrics(ctx, query), { scope: "agents:read", query: MetricsQuery });
