import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { hashInviteToken } from "@/lib/tenancy/invitations";
import { tenantDb, userDb } from "@/lib/db/scope";
import type { RegisterInput } from "@/lib/tenancy/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type RegisteredAccount = { userId: string; tenantId: string; role: string };

const REGISTRATIONS_PER_HOUR = { limit: 20, windowSeconds: 3600 };

/**
 * Creates a user. Without an invitation it also creates their tenant with them as owner; with a
 * valid invitation for the same email it adds them to the inviting tenant with the invited role.
 * Rate limited per client address, like sign-in. The ids are chosen here so the transaction runs
 * in the new user's scope (and the new tenant's): row-level security admits the membership only
 * in that tenant, or through the invitation addressed to the user's email.
 */
export async function registerAccount(base: PrismaClient, input: RegisterInput, clientAddress: string): Promise<RegisteredAccount> {
  await enforceRateLimit(getKv(), `register:ip:${clientAddress}`, REGISTRATIONS_PER_HOUR);
  const passwordHash = await hashPassword(input.password);
  const ids = { userId: randomUUID(), tenantId: randomUUID() };
  const db = input.inviteToken ? userDb(base, ids.userId) : tenantDb(base, ids.tenantId, ids.userId);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { id: ids.userId, email: input.email, name: input.name, passwordHash } });
      if (input.inviteToken) {
        const invitation = await tx.invitation.findFirst({
          where: { tokenHash: hashInviteToken(input.inviteToken), email: input.email, acceptedAt: null, expiresAt: { gt: new Date() } },
        });
        if (!invitation) throw new NotFoundError("Invitation");
        await tx.membership.create({ data: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role } });
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
        return { userId: user.id, tenantId: invitation.tenantId, role: invitation.role };
      }
      const name = input.tenantName!;
      const tenant = await tx.tenant.create({ data: { id: ids.tenantId, name, slug: `${slugify(name)}-${randomBytes(3).toString("hex")}` } });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
      return { userId: user.id, tenantId: tenant.id, role: "owner" };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("An account with this email already exists");
    }
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
