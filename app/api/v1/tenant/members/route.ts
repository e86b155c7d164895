import { withTenant } from "@/lib/http/route";
import { addMember, listMembers } from "@/lib/tenancy/members";
import { AddMemberInput } from "@/lib/tenancy/schemas";

export const GET = withTenant(async ({ ctx }) => ({ members: await listMembers({ ctx }) }), { scope: "members:read" });

/** Adds a registered user, or creates an invitation (its token is shown once) for a new email. */
export const POST = withTenant(
  async ({ ctx, body, req }) => {
    const result = await addMember({ ctx, input: body });
    if (result.kind === "member") return Response.json({ member: result.member }, { status: 201 });
    const { token, ...invitation } = result.invitation;
    const acceptUrl = new URL(`/register?invite=${token}`, req.nextUrl.origin).toString();
    return Response.json({ invitation: { ...invitation, token, acceptUrl } }, { status: 201 });
  },
  { scope: "members:write", body: AddMemberInput },
);
