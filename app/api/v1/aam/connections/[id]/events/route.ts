import { withTenant } from "@/lib/http/route";
import { listEvents } from "@/lib/aam/streams";
import { ConnectionEventPage, ConnectionParams, EventsQuery } from "@/lib/aam/schemas";

/** The records read from the connection as canonical events, newest first. */
export const GET = withTenant(async ({ ctx, params, query }) => listEvents({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: EventsQuery,
  response: ConnectionEventPage,
});
