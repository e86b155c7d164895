import { withTenant } from "@/lib/http/route";
import { getCurrentAccount } from "@/lib/tenancy/account";

export const GET = withTenant(async ({ ctx }) => getCurrentAccount({ ctx }), { scope: "tenant:read", personOnly: true });
