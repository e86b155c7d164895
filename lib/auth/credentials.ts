import "server-only";
import { env } from "@/lib/env";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { assertNotDelayed, clearFailures, recordFailure, type FailureDelayPolicy } from "@/lib/kv/failure-delay";
import { verifyPassword } from "@/lib/auth/password";
import { userDb } from "@/lib/db/scope";
import type { Credentials } from "@/lib/tenancy/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type SignedInUser = { userId: string; email: string; name: string; tenantId: string; role: string };

const DELAYED = "Too many failed sign-ins";
const ATTEMPT_LOCK_MS = 10_000;

/**
 * Checks email and password. Unknown users cost the same argon2 work as known ones, and both
 * failures answer the same message. The active tenant is the user's oldest membership.
 *
 * Failed sign-ins earn a growing delay (lib/kv/failure-delay.ts), checked before the password:
 * per account from one client address, per account from all addresses and per address over all
 * accounts (the last two allow five times as many failures). So an attacker at one address delays
 * only their own attempts; failures from many addresses delay everyone's sign-in to the account
 * (up to the maximum wait at a time), and the owner's next success clears them. One attempt per account runs at a time, so a burst
 * cannot fit several guesses into one wait.
 */
export async function authenticateWithPassword(db: PrismaClient, credentials: Credentials, clientAddress: string): Promise<SignedInUser> {
  const kv = getKv();
  const limits = signInLimits(credentials.email, clientAddress);
  const keys = limits.map((l) => l.key);
  await assertNotDelayed(kv, keys, DELAYED);
  const lockKey = `signin:attempt:${credentials.email}`;
  const token = await kv.tryLock(lockKey, ATTEMPT_LOCK_MS);
  if (!token) throw new RateLimitedError(1, { reason: "Another sign-in to this account is in progress" });
  try {
    await assertNotDelayed(kv, keys, DELAYED); // a failure may have landed since the first look
    const user = await checkPassword(db, credentials);
    if (!user) {
      await Promise.all(limits.map((l) => recordFailure(kv, l.key, l.policy)));
      throw new UnauthorizedError("Invalid email or password");
    }
    await Promise.all(limits.filter((l) => l.clearedBySuccess).map((l) => clearFailures(kv, l.key)));
    return user;
  } finally {
    await kv.unlock(lockKey, token);
  }
}

type Limit = { key: string; policy: FailureDelayPolicy; clearedBySuccess: boolean };

function signInLimits(email: string, clientAddress: string): Limit[] {
  const { failuresBeforeDelay, maxDelayMs } = env.signInLimits;
  const strict = { freeFailures: failuresBeforeDelay, maxDelayMs };
  const wide = { freeFailures: failuresBeforeDelay * 5, maxDelayMs };
  return [
    { key: `signin:account:${email}:from:${clientAddress}`, policy: strict, clearedBySuccess: true },
    { key: `signin:account:${email}`, policy: wide, clearedBySuccess: true },
    { key: `signin:address:${clientAddress}`, policy: wide, clearedBySuccess: false },
  ];
}

async function checkPassword(db: PrismaClient, { email, password }: Credentials): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, password);
  const membership =
    user && ok ? await userDb(db, user.id).membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } }) : null;
  if (!ok || !user || !membership) return null;
  return { userId: user.id, email: user.email, name: user.name, tenantId: membership.tenantId, role: membership.role };
}
