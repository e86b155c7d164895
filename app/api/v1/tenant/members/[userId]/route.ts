import { withTenant } from "@/lib/http/route";
import { changeMemberRole, removeMember } from "@/lib/tenancy/members";
import { ChangedMember, ChangeRoleInput, MemberParams } from "@/lib/tenancy/schemas";

/** Changes a member's role; owner and admin roles only by an owner, and the tenant keeps at least one owner. */
export const PATCH = withTenant(
  async ({ ctx, params, body }) => ({ member: await changeMemberRole({ ctx, userId: params.userId, role: body.role }) }),
  { scope: "members:write", params: MemberParams, body: ChangeRoleInput, personOnly: true, response: ChangedMember },
);

/** Removes a member from the tenant (owners and admins only by an owner; the last owner stays). */
export const DELETE = withTenant(async ({ ctx, params }) => removeMember({ ctx, userId: params.userId }), {
  scope: "members:write",
  params: MemberParams,
  personOnly: true,
  status: 204,
  response: null,
});
