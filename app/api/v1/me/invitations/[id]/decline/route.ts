import { withTenant } from "@/lib/http/route";
import { declineInvitation } from "@/lib/tenancy/my-invitations";
import { InvitationParams } from "@/lib/tenancy/schemas";

export const POST = withTenant(
  async ({ ctx, params }) => {
    await declineInvitation({ ctx, id: params.id });
    return new Response(null, { status: 204 });
  },
  { scope: "tenant:read", personOnly: true, params: InvitationParams },
);
