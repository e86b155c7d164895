import { withTenant } from "@/lib/http/route";
import { listEvents } from "@/lib/aam/streams";
import { ConnectionParams, EventsQuery } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params, query }) => listEvents({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: EventsQuery,
});
