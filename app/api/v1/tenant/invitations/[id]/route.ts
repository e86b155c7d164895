import { withTenant } from "@/lib/http/route";
import { revokeInvitation } from "@/lib/tenancy/invitations";
import { InvitationParams } from "@/lib/tenancy/schemas";

/** Revokes a pending invitation of the caller's tenant. */
export const DELETE = withTenant(async ({ ctx, params }) => revokeInvitation({ ctx, id: params.id }), {
  scope: "members:write",
  params: InvitationParams,
  status: 204,
  response: null,
});
