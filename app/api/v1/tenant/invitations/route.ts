import { withTenant } from "@/lib/http/route";
import { listPendingInvitations } from "@/lib/tenancy/invitations";

export const GET = withTenant(async ({ ctx }) => ({ invitations: await listPendingInvitations({ ctx }) }), { scope: "members:read" });
