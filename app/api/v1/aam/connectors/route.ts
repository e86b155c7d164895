import { withTenant } from "@/lib/http/route";
import { listConnectors } from "@/lib/aam/overview";
import { ConnectorPage, ListConnectorsQuery } from "@/lib/aam/schemas";

/** The connections overview, oldest first: each with its mapping count, open drift and latest schema change. */
export const GET = withTenant(async ({ ctx, query }) => listConnectors({ ctx, query }), {
  scope: "aam:read",
  query: ListConnectorsQuery,
  response: ConnectorPage,
});
