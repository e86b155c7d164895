import { withTenant } from "@/lib/http/route";
import { getCurrentAccount } from "@/lib/tenancy/account";
import { Account } from "@/lib/tenancy/schemas";

/** The signed-in person, the tenant they act in and their role there, and every tenant they may switch to. */
export const GET = withTenant(async ({ ctx }) => getCurrentAccount({ ctx }), { scope: "tenant:read", personOnly: true, response: Account });
