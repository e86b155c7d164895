import "server-only";
import { NotFoundError } from "@/lib/errors";
import { PENDING } from "@/lib/tenancy/invitations";
import type { ListInvitationsQuery, MyInvitation, UserTenant } from "@/lib/tenancy/schemas";
import type { TenantContext } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The addressee's side of invitations. Only an account whose email is verified sees, accepts or
 * declines the invitations addressed to that email; to any other account they do not exist
 * (NotFoundError, like a missing id). These reads cross tenants by nature: the caller's `ctx.db`
 * carries the user in its row-level-security scope, which admits invitations to the user's email
 * and the inviting tenants; they are always filtered by the user's own verified email as well.
 */
/** The caller's open invitations to tenants they are not in yet, newest first, a page at a time. */
export async function listMyInvitations({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListInvitationsQuery;
}): Promise<{ emailVerified: boolean; invitations: MyInvitation[]; nextCursor: string | null }> {
  const { db } = ctx;
  const userId = ctx.actor.userId;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) return { emailVerified: false, invitations: [], nextCursor: null };
  const rows = await db.invitation.findMany({
    where: { email: user.email, ...PENDING, expiresAt: { gt: new Date() }, tenant: { memberships: { none: { userId } } } },
    select: { id: true, role: true, expiresAt: true, createdAt: true, tenant: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { emailVerified: true, invitations: items, nextCursor };
}

/**
 * Joins the inviting tenant with the invited role (someone already a member keeps their role). The
 * membership is written while the invitation is still pending: row-level security admits it only then.
 */
export async function acceptInvitation({ ctx, id }: { ctx: TenantContext; id: string }): Promise<{ tenant: UserTenant }> {
  const userId = ctx.actor.userId;
  return ctx.db.$transaction(async (tx) => {
    // Two accepts at once: the second waits here for the first, then finds the invitation answered (404).
    await tx.$queryRaw`SELECT 1 FROM invitations WHERE id = ${id}::uuid FOR UPDATE`;
    const { where, invitation } = await findPendingInvitation(tx, { userId, id });
    const key = { tenantId_userId: { tenantId: invitation.tenant.id, userId } };
    const membership =
      (await tx.membership.findUnique({ where: key, select: { role: true } })) ??
      (await tx.membership.create({ data: { tenantId: invitation.tenant.id, userId, role: invitation.role }, select: { role: true } }));
    await closeInvitation(tx, where, { acceptedAt: new Date() });
    return { tenant: { ...invitation.tenant, role: membership.role } };
  });
}

export async function declineInvitation({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const { where } = await findPendingInvitation(tx, { userId: ctx.actor.userId, id });
    await closeInvitation(tx, where, { declinedAt: new Date() });
  });
}

/** A pending, unexpired invitation to the user's verified email; NotFoundError otherwise. */
async function findPendingInvitation(tx: Prisma.TransactionClient, { userId, id }: { userId: string; id: string }) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) throw new NotFoundError("Invitation");
  const where = { id, email: user.email, ...PENDING, expiresAt: { gt: new Date() } };
  const invitation = await tx.invitation.findFirst({
    where,
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
  });
  if (!invitation) throw new NotFoundError("Invitation");
  return { where, invitation };
}

/** Marks the invitation answered in the same statement that checks it is still pending. */
async function closeInvitation(
  tx: Prisma.TransactionClient,
  where: Prisma.InvitationWhereInput,
  data: { acceptedAt: Date } | { declinedAt: Date },
) {
  const closed = await tx.invitation.updateMany({ where, data });
  if (closed.count !== 1) throw new NotFoundError("Invitation");
}
