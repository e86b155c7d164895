import { withTenant } from "@/lib/http/route";
import { listFindings } from "@/lib/agents/findings";
import { FindingPage, ListFindingsQuery } from "@/lib/agents/schemas";

/** The tenant's findings, the most recently seen first (or by `sort`), filtered by `agent`, `status` and `kind`. */
export const GET = withTenant(async ({ ctx, query }) => listFindings({ ctx, query }), {
  scope: "agents:read",
  query: ListFindingsQuery,
  response: FindingPage,
});
