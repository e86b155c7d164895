import { withTenant } from "@/lib/http/route";
import { listStreams } from "@/lib/aam/streams";
import { ConnectionParams } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ streams: await listStreams({ ctx, connectionId: params.id }) }), {
  scope: "aam:read",
  params: ConnectionParams,
});
