import { withTenant } from "@/lib/http/route";
import { listQuarantine } from "@/lib/aam/streams";
import { ConnectionParams, QuarantineQuery, QuarantinePage } from "@/lib/aam/schemas";

/** Records kept out of the events, with the reason, newest first. */
export const GET = withTenant(async ({ ctx, params, query }) => listQuarantine({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: QuarantineQuery,
  response: QuarantinePage,
});
