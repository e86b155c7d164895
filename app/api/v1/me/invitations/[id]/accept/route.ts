import { withTenant } from "@/lib/http/route";
import { acceptInvitation } from "@/lib/tenancy/my-invitations";
import { AcceptedInvitation, InvitationParams } from "@/lib/tenancy/schemas";

/** Joins the inviting tenant. The session stays in its tenant; switch (or ask a token for the new one) to act there. */
export const POST = withTenant(async ({ ctx, params }) => acceptInvitation({ ctx, id: params.id }), {
  scope: "tenant:read",
  personOnly: true,
  params: InvitationParams,
  response: AcceptedInvitation,
});
