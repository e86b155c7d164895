import { withTenant } from "@/lib/http/route";
import { listPendingInvitations } from "@/lib/tenancy/invitations";
import { ListInvitationsQuery, PendingInvitationPage } from "@/lib/tenancy/schemas";

/** The tenant's pending invitations, newest first; expired ones included (inviting the email again renews one). */
export const GET = withTenant(async ({ ctx, query }) => listPendingInvitations({ ctx, query }), {
  scope: "members:read",
  query: ListInvitationsQuery,
  response: PendingInvitationPage,
});
