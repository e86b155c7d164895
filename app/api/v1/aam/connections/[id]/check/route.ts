import { withTenant } from "@/lib/http/route";
import { checkConnection } from "@/lib/aam/source-actions";
import { ConnectionCheck, ConnectionParams } from "@/lib/aam/schemas";

/** 200 with `ok: false` and the reason when the source cannot be reached: the check itself worked. */
export const POST = withTenant(async ({ ctx, params }) => checkConnection({ ctx, id: params.id }), {
  scope: "aam:write",
  params: ConnectionParams,
  rateLimit: "probe",
  response: ConnectionCheck,
});
