import { withTenant } from "@/lib/http/route";
import { listStreams } from "@/lib/aam/streams";
import { ConnectionParams, NamedPageQuery, StreamPage } from "@/lib/aam/schemas";

/** The connection's streams by name, each with its accepted (and any pending) schema and profile. */
export const GET = withTenant(async ({ ctx, params, query }) => listStreams({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: NamedPageQuery,
  response: StreamPage,
});
