import { withTenant } from "@/lib/http/route";
import { listDecisions } from "@/lib/inbox/history";
import { HistoryPage, ListHistoryQuery } from "@/lib/inbox/schemas";

/** The audit of every decision on inbox items (people's and the repair agent's), newest first. */
export const GET = withTenant(async ({ ctx, query }) => listDecisions({ ctx, query }), {
  scope: "dcl:read",
  query: ListHistoryQuery,
  response: HistoryPage,
});
