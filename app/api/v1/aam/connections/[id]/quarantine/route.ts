import { withTenant } from "@/lib/http/route";
import { listQuarantine } from "@/lib/aam/streams";
import { ConnectionParams, PageQuery } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params, query }) => listQuarantine({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: PageQuery,
});
