import { withTenant } from "@/lib/http/route";
import { discoverConnection } from "@/lib/aam/source-actions";
import { ConnectionParams, Discovery } from "@/lib/aam/schemas";

/** The source's streams and fields as they are now, with a few sample records. Records nothing. */
export const POST = withTenant(async ({ ctx, params }) => discoverConnection({ ctx, id: params.id }), {
  scope: "aam:write",
  params: ConnectionParams,
  rateLimit: "probe",
  response: Discovery,
});
