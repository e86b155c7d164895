import { withPublic } from "@/lib/http/route";
import { clientAddressOf } from "@/lib/http/client-address";
import { appUrlFor } from "@/lib/mail";
import { registerAccount } from "@/lib/tenancy/register";
import { RegisterInput, RegistrationAnswer } from "@/lib/tenancy/schemas";

/** Creates an account and its tenant, and mails a verification link. The answer never says whether the email was taken. */
export const POST = withPublic(
  async ({ db, body, req }) =>
    registerAccount(db, body, { clientAddress: clientAddressOf(req.headers), appUrl: appUrlFor(req.nextUrl.origin) }),
  { body: RegisterInput, status: 202, response: RegistrationAnswer },
);
