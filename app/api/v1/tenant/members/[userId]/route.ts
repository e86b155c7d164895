import { withTenant } from "@/lib/http/route";
import { changeMemberRole, removeMember } from "@/lib/tenancy/members";
import { ChangeRoleInput, MemberParams } from "@/lib/tenancy/schemas";

export const PATCH = withTenant(
  async ({ ctx, params, body }) => ({ member: await changeMemberRole({ ctx, userId: params.userId, role: body.role }) }),
  { scope: "members:write", params: MemberParams, body: ChangeRoleInput, personOnly: true },
);

export const DELETE = withTenant(
  async ({ ctx, params }) => {
    await removeMember({ ctx, userId: params.userId });
    return new Response(null, { status: 204 });
  },
  { scope: "members:write", params: MemberParams, personOnly: true },
);
