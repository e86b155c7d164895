import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { withPublic } from "@/lib/http/route";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { clientAddressOf } from "@/lib/http/client-address";
import { issueApiToken } from "@/lib/auth/api-token";
import { IssuedToken, TokenRequest } from "@/lib/tenancy/schemas";
import { findUserTenant } from "@/lib/tenancy/user-tenants";

/** Exchanges email and password for a short-lived bearer JWT acting in one tenant (`tenant`: id or slug; unset, the oldest membership). */
export const POST = withPublic(
  async ({ db, body, req }) => {
    const user = await authenticateWithPassword(db, body, clientAddressOf(req.headers));
    const tenant = await findUserTenant(db, user.userId, body.tenant ?? user.tenantId);
    if (!tenant) throw new ForbiddenError("You are not a member of that tenant");
    const { token, expiresAt } = await issueApiToken({ userId: user.userId, tenantId: tenant.id }, env.apiTokenTtlSeconds);
    return {
      token,
      tokenType: "Bearer" as const,
      expiresAt,
      expiresIn: env.apiTokenTtlSeconds,
      user: { id: user.userId, email: user.email },
      tenantId: tenant.id,
      tenant,
    };
  },
  { body: TokenRequest, response: IssuedToken },
);
