import { withTenant } from "@/lib/http/route";
import { listFindings } from "@/lib/agents/findings";
import { ListFindingsQuery } from "@/lib/agents/schemas";

export const GET = withTenant(async ({ ctx, query }) => listFindings({ ctx, query }), { scope: "agents:read", query: ListFindingsQuery });
