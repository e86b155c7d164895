import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TenantContext } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/roles";

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedInvitation = { id: string; email: string; role: Role; expiresAt: Date; token: string };

/** Creates an invitation in the caller's tenant. The token is returned once and stored only hashed. */
export async function createInvitation({ ctx, email, role }: { ctx: TenantContext; email: string; role: Role }): Promise<CreatedInvitation> {
  const token = randomBytes(24).toString("base64url");
  const invitation = await ctx.db.invitation.create({
    data: {
      tenantId: ctx.tenantId,
      email,
      role,
      tokenHash: hashInviteToken(token),
      invitedById: ctx.actor.userId,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    },
  });
  return { id: invitation.id, email, role, expiresAt: invitation.expiresAt, token };
}

/** Pending invitations of the caller's tenant (tokens are never readable again). */
export async function listPendingInvitations({ ctx }: { ctx: TenantContext }) {
  return ctx.db.invitation.findMany({
    where: { tenantId: ctx.tenantId, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
