import { withTenant } from "@/lib/http/route";
import { appUrlFor } from "@/lib/mail";
import { resendVerificationLink } from "@/lib/tenancy/email-verification";

/** Mails the caller a new verification link (no mail transport: the server log). */
export const POST = withTenant(async ({ ctx, req }) => resendVerificationLink({ ctx, appUrl: appUrlFor(req.nextUrl.origin) }), {
  scope: "tenant:read",
  personOnly: true,
  status: 202,
});
