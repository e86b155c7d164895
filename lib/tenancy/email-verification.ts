import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { sendMail } from "@/lib/mail";
import { verifyEmailMessage } from "@/lib/mail/messages";
import type { TenantContext } from "@/lib/auth/context";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Proof that an account's holder receives mail at its address. A link carries a random token
 * (stored only as its SHA-256), works once, expires, and is accepted only from the signed-in account
 * it was issued to: someone who registered another person's address never receives the link, and
 * that person, opening it, cannot confirm an account they cannot sign in to. Row-level security
 * admits a user's links only in a scope that carries the user (the caller's `ctx.db`, or `userDb`).
 */
const LINK_TTL_MS = 24 * 3600 * 1000;
const RESENDS_PER_HOUR = { limit: 5, windowSeconds: 3600, reason: "Too many verification emails requested" };

const INVALID_LINK = "This verification link is invalid, expired or already used, or belongs to another account";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a link for the user's current address and mails it. `db`'s scope carries the user. */
export async function sendVerificationLink(
  db: PrismaClient,
  { userId, email, appUrl }: { userId: string; email: string; appUrl: string },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LINK_TTL_MS);
  await db.emailVerification.create({ data: { userId, email, tokenHash: hashToken(token), expiresAt } });
  await sendMail(verifyEmailMessage({ to: email, appUrl, token, expiresAt }));
}

/** Sends the signed-in user a fresh link, unless already verified. Rate limited per user. */
export async function resendVerificationLink({ ctx, appUrl }: { ctx: TenantContext; appUrl: string }): Promise<{ emailVerified: boolean }> {
  const { db } = ctx;
  const userId = ctx.actor.userId;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user) throw new NotFoundError("Account");
  if (user.emailVerifiedAt) return { emailVerified: true };
  await enforceRateLimit(getKv(), `verify-email:user:${userId}`, RESENDS_PER_HOUR);
  await sendVerificationLink(db, { userId, email: user.email, appUrl });
  return { emailVerified: false };
}

/**
 * Marks the signed-in user's address verified. Throws BadRequestError, one message for every
 * reason, when the token is unknown, used, expired, for an older address or another account.
 */
export async function verifyEmail({ ctx, token }: { ctx: TenantContext; token: string }): Promise<{ emailVerified: true }> {
  const userId = ctx.actor.userId;
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const link = await tx.emailVerification.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        userId: true,
        email: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { email: true, emailVerifiedAt: true } },
      },
    });
    if (!link || link.userId !== userId || link.usedAt || link.expiresAt <= now || link.email !== link.user.email) {
      throw new BadRequestError(INVALID_LINK);
    }
    const claimed = await tx.emailVerification.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new BadRequestError(INVALID_LINK);
    await tx.emailVerification.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    if (!link.user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
    return { emailVerified: true as const };
  });
}
