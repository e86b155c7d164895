import "server-only";
import { env } from "@/lib/env";
import { UnauthorizedError } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { verifyPassword } from "@/lib/auth/password";
import { userDb } from "@/lib/db/scope";
import type { Credentials } from "@/lib/tenancy/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type SignedInUser = { userId: string; email: string; name: string; tenantId: string; role: string };

/**
 * Checks email and password, rate limited per email and per client address. Unknown users cost the
 * same argon2 work as known ones, and both failures answer the same message.
 * The active tenant is the user's oldest membership.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  { email, password }: Credentials,
  clientAddress: string,
): Promise<SignedInUser> {
  const kv = getKv();
  await enforceRateLimit(kv, `login:email:${email}`, env.loginRateLimit);
  await enforceRateLimit(kv, `login:ip:${clientAddress}`, { ...env.loginRateLimit, limit: env.loginRateLimit.limit * 5 });

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, password);
  const membership = user && ok ? await userDb(db, user.id).membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } }) : null;
  if (!ok || !user || !membership) throw new UnauthorizedError("Invalid email or password");
  return { userId: user.id, email: user.email, name: user.name, tenantId: membership.tenantId, role: membership.role };
}

/** Best-effort client address for rate limiting (first X-Forwarded-For hop behind a proxy). */
export function clientAddressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
