import { withTenant } from "@/lib/http/route";
import { promoteConnection } from "@/lib/aam/promote";
import { ConnectionParams, PromotionResult } from "@/lib/aam/schemas";

/** Takes the connection out of safe mode and queues a full sync; 409 when it is not in safe mode. */
export const POST = withTenant(async ({ ctx, params }) => promoteConnection({ ctx, id: params.id }), {
  scope: "aam:write",
  params: ConnectionParams,
  rateLimit: "sync",
  idempotent: true,
  response: PromotionResult,
});
