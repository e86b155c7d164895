import { withTenant } from "@/lib/http/route";
import { listRuns } from "@/lib/agents/runs";
import { ListRunsQuery } from "@/lib/agents/schemas";

export const GET = withTenant(async ({ ctx, query }) => listRuns({ ctx, query }), { scope: "agents:read", query: ListRunsQuery });
