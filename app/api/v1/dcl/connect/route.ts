import { withTenant } from "@/lib/http/route";
import { connectDcl } from "@/lib/dcl/connect";
import { ConnectSummary } from "@/lib/dcl/schemas";

/** Proposes mappings for every source stream (new versions only where something changed), then rebuilds every unified view. */
export const POST = withTenant(async ({ ctx }) => connectDcl(ctx), {
  scope: "dcl:write",
  rateLimit: "rebuild",
  idempotent: true,
  response: ConnectSummary,
});
