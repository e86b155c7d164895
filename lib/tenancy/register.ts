import "server-only";
import { randomBytes } from "node:crypto";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hashInviteToken } from "@/lib/tenancy/invitations";
import type { RegisterInput } from "@/lib/tenancy/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type RegisteredAccount = { userId: string; tenantId: string; role: string };

/**
 * Creates a user. Without an invitation it also creates their tenant with them as owner; with a
 * valid invitation for the same email it adds them to the inviting tenant with the invited role.
 */
export async function registerAccount(db: PrismaClient, input: RegisterInput): Promise<RegisteredAccount> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      if (input.inviteToken) {
        const invitation = await tx.invitation.findFirst({
          where: { tokenHash: hashInviteToken(input.inviteToken), email: input.email, acceptedAt: null, expiresAt: { gt: new Date() } },
        });
        if (!invitation) throw new NotFoundError("Invitation");
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
        await tx.membership.create({ data: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role } });
        return { userId: user.id, tenantId: invitation.tenantId, role: invitation.role };
      }
      const name = input.tenantName!;
      const tenant = await tx.tenant.create({ data: { name, slug: `${slugify(name)}-${randomBytes(3).toString("hex")}` } });
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
