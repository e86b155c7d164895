import { withTenant } from "@/lib/http/route";
import { appUrlFor } from "@/lib/mail";
import { resendVerificationLink } from "@/lib/tenancy/email-verification";
import { EmailVerificationState } from "@/lib/tenancy/schemas";

/** Mails the caller a new verification link (no mail transport: the server log), unless the address is already confirmed. */
export const POST = withTenant(async ({ ctx, req }) => resendVerificationLink({ ctx, appUrl: appUrlFor(req.nextUrl.origin) }), {
  scope: "tenant:read",
  personOnly: true,
  status: 202,
  response: EmailVerificationState,
});
