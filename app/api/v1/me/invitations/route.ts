import { withTenant } from "@/lib/http/route";
import { listMyInvitations } from "@/lib/tenancy/my-invitations";
import { ListInvitationsQuery, MyInvitationPage } from "@/lib/tenancy/schemas";

/** Open invitations addressed to the caller's verified email, in tenants they are not in yet, newest first. */
export const GET = withTenant(async ({ ctx, query }) => listMyInvitations({ ctx, query }), {
  scope: "tenant:read",
  personOnly: true,
  query: ListInvitationsQuery,
  response: MyInvitationPage,
});
