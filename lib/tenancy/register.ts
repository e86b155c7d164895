import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail";
import { registrationAttemptMessage } from "@/lib/mail/messages";
import { sendVerificationLink } from "@/lib/tenancy/email-verification";
import { tenantDb, userDb } from "@/lib/db/scope";
import type { RegisterInput, RegistrationAnswer } from "@/lib/tenancy/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** The one answer to every accepted registration, whether or not the email already had an account. */
export const REGISTRATION_ANSWER: RegistrationAnswer = {
  message: "Check your email for a link to confirm the address, and sign in with your password.",
};

const REGISTRATIONS_PER_HOUR = { limit: 20, windowSeconds: 3600, reason: "Too many registrations from this address" };
const NOTICE_WINDOW_MS = 3600 * 1000;

/**
 * Creates a user, their tenant (as owner) and a verification link. An email that already has an
 * account gets a notice instead, and the caller the same answer, after the same password-hashing
 * work, so neither reveals whether the address is registered. Rate limited per client address.
 */
export async function registerAccount(
  db: PrismaClient,
  input: RegisterInput,
  { clientAddress, appUrl }: { clientAddress: string; appUrl: string },
): Promise<RegistrationAnswer> {
  await enforceRateLimit(getKv(), `register:ip:${clientAddress}`, REGISTRATIONS_PER_HOUR);
  const passwordHash = await hashPassword(input.password);
  const userId = await createAccount(db, input, passwordHash);
  if (userId) {
    await sendVerificationLink(userDb(db, userId), { userId, email: input.email, appUrl });
  } else {
    log.info("registration attempted with an email that has an account");
    // One notice per address per hour, so registering someone's address cannot flood their inbox.
    const { count } = await getKv().incrementWindow(`register:notice:${input.email}`, NOTICE_WINDOW_MS);
    if (count === 1) await sendMail(registrationAttemptMessage({ to: input.email, appUrl }));
  }
  return REGISTRATION_ANSWER;
}

/**
 * The new user's id, or null when the email is taken. The ids are chosen here so the transaction
 * runs in the new tenant's row-level-security scope.
 */
async function createAccount(db: PrismaClient, input: RegisterInput, passwordHash: string): Promise<string | null> {
  const ids = { userId: randomUUID(), tenantId: randomUUID() };
  try {
    return await tenantDb(db, ids.tenantId, ids.userId).$transaction(async (tx) => {
      const user = await tx.user.create({ data: { id: ids.userId, email: input.email, name: input.name, passwordHash } });
      const tenant = await tx.tenant.create({
        data: { id: ids.tenantId, name: input.tenantName, slug: `${slugify(input.tenantName)}-${randomBytes(3).toString("hex")}` },
      });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
      return user.id;
    });
  } catch (error) {
    const taken =
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (await db.user.count({ where: { email: input.email } })) > 0;
    if (taken) return null;
    throw error;
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "tenant";
}
