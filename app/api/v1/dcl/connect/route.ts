import { withTenant } from "@/lib/http/route";
import { connectDcl } from "@/lib/dcl/connect";

export const POST = withTenant(async ({ ctx }) => connectDcl(ctx), { scope: "dcl:write", rateLimit: "rebuild", idempotent: true });
