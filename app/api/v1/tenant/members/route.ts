import { withTenant } from "@/lib/http/route";
import { appUrlFor } from "@/lib/mail";
import { invitationsUrl } from "@/lib/mail/messages";
import { inviteMember } from "@/lib/tenancy/invitations";
import { listMembers } from "@/lib/tenancy/members";
import { AddMemberInput } from "@/lib/tenancy/schemas";

export const GET = withTenant(async ({ ctx }) => ({ members: await listMembers({ ctx }) }), { scope: "members:read" });

/**
 * Invites an email (or refreshes its pending invitation); the addressee joins by accepting it.
 * The answer is the same whether or not the email has an account.
 */
export const POST = withTenant(
  async ({ ctx, body, req }) => {
    const appUrl = appUrlFor(req.nextUrl.origin);
    const invitation = await inviteMember({ ctx, input: body, appUrl });
    return Response.json({ invitation: { ...invitation, acceptUrl: invitationsUrl(appUrl) } }, { status: 201 });
  },
  { scope: "members:write", body: AddMemberInput, personOnly: true },
);
