import { env } from "@/lib/env";
import { withPublic } from "@/lib/http/route";
import { authenticateWithPassword, clientAddressOf } from "@/lib/auth/credentials";
import { issueApiToken } from "@/lib/auth/api-token";
import { Credentials } from "@/lib/tenancy/schemas";

/** Exchanges email and password for a short-lived bearer JWT. */
export const POST = withPublic(
  async ({ db, body, req }) => {
    const user = await authenticateWithPassword(db, body, clientAddressOf(req.headers));
    const { token, expiresAt } = await issueApiToken(user, env.apiTokenTtlSeconds);
    return { token, tokenType: "Bearer", expiresAt, expiresIn: env.apiTokenTtlSeconds, user: { id: user.userId, email: user.email }, tenantId: user.tenantId };
  },
  { body: Credentials },
);
