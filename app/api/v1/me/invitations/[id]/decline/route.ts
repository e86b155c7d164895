import { withTenant } from "@/lib/http/route";
import { declineInvitation } from "@/lib/tenancy/my-invitations";
import { InvitationParams } from "@/lib/tenancy/schemas";

/** Declines an invitation to the caller's verified email: no membership, and the inviting tenant may invite again. */
export const POST = withTenant(async ({ ctx, params }) => declineInvitation({ ctx, id: params.id }), {
  scope: "tenant:read",
  personOnly: true,
  params: InvitationParams,
  status: 204,
  response: null,
});
