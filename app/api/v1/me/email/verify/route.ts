import { withTenant } from "@/lib/http/route";
import { verifyEmail } from "@/lib/tenancy/email-verification";
import { EmailVerified, VerifyEmailInput } from "@/lib/tenancy/schemas";

/** Confirms the caller's email with the token from their verification link (only the account it was sent for). */
export const POST = withTenant(async ({ ctx, body }) => verifyEmail({ ctx, token: body.token }), {
  scope: "tenant:read",
  personOnly: true,
  body: VerifyEmailInput,
  response: EmailVerified,
});
