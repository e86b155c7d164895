import { withTenant } from "@/lib/http/route";
import { listMyInvitations } from "@/lib/tenancy/my-invitations";

/** Invitations addressed to the caller's verified email, in any tenant. */
export const GET = withTenant(async ({ ctx }) => listMyInvitations({ ctx }), { scope: "tenant:read", personOnly: true });
