import { withTenant } from "@/lib/http/route";
import { appUrlFor } from "@/lib/mail";
import { invitationsUrl } from "@/lib/mail/messages";
import { inviteMember } from "@/lib/tenancy/invitations";
import { listMembers } from "@/lib/tenancy/members";
import { AddMemberInput, CreatedInvitation, ListMembersQuery, MemberPage } from "@/lib/tenancy/schemas";

/** The tenant's members in the order they joined; `role` keeps those of one role. */
export const GET = withTenant(async ({ ctx, query }) => listMembers({ ctx, query }), {
  scope: "members:read",
  query: ListMembersQuery,
  response: MemberPage,
});

/**
 * Invites an email (or refreshes its pending invitation); the addressee joins by accepting it.
 * The answer is the same whether or not the email has an account.
 */
export const POST = withTenant(
  async ({ ctx, body, req }) => {
    const appUrl = appUrlFor(req.nextUrl.origin);
    const invitation = await inviteMember({ ctx, input: body, appUrl });
    return { invitation: { ...invitation, acceptUrl: invitationsUrl(appUrl) } };
  },
  { scope: "members:write", body: AddMemberInput, personOnly: true, status: 201, response: CreatedInvitation },
);
