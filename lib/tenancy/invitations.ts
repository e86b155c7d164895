import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { TenantContext } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/roles";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { sendMail } from "@/lib/mail";
import { invitationMessage } from "@/lib/mail/messages";
import { assertMayManage } from "@/lib/tenancy/members";
import type { AddMemberInput, ListInvitationsQuery, PendingInvitation } from "@/lib/tenancy/schemas";
import { pageArgs, toPage } from "@/lib/db/page";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The tenant's side of invitations. Adding anyone, registered or not, creates an invitation to
 * their email; nobody becomes a member until the holder of a verified account with that email
 * accepts it (lib/tenancy/my-invitations.ts). The answer is the same whether or not the email has
 * an account, and no account is looked up.
 */
const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
/** Each invitation mails someone outside the tenant: a tenant may not turn the app into a mailer. */
const INVITATIONS_PER_HOUR = { limit: 100, windowSeconds: 3600, reason: "Too many invitations from this tenant" };

/** Neither accepted, declined nor revoked (it may have expired). At most one per tenant and email. */
export const PENDING = { acceptedAt: null, declinedAt: null, revokedAt: null } as const;

const SELECT = { id: true, email: true, role: true, expiresAt: true, createdAt: true } as const;

/** `renewed`: the email had a pending invitation, now refreshed, rather than a new one. */
export type SentInvitation = PendingInvitation & { renewed: boolean };

/**
 * Invites an email, or refreshes (role, inviter, expiry) the pending invitation it already has,
 * then mails the addressee. Throws ConflictError when the email is already a member here.
 */
export async function inviteMember({
  ctx,
  input,
  appUrl,
}: {
  ctx: TenantContext;
  input: AddMemberInput;
  appUrl: string;
}): Promise<SentInvitation> {
  assertMayManage(ctx, input.role);
  const member = await ctx.db.membership.findFirst({
    where: { tenantId: ctx.tenantId, user: { email: input.email } },
    select: { id: true },
  });
  if (member) throw new ConflictError(`${input.email} is already a member of this tenant`);
  await enforceRateLimit(getKv(), `invite:tenant:${ctx.tenantId}`, INVITATIONS_PER_HOUR);

  const invitation = await refreshOrCreate(ctx, input.email, input.role);
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { name: true } });
  await sendMail(invitationMessage({ to: input.email, appUrl, tenantName: tenant.name, role: input.role }));
  return invitation;
}

async function refreshOrCreate(ctx: TenantContext, email: string, role: Role): Promise<SentInvitation> {
  const data = { role, invitedById: ctx.actor.userId, expiresAt: new Date(Date.now() + INVITE_TTL_MS) };
  // The partial unique index on pending (tenant, email) settles two concurrent first invitations.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [refreshed] = await ctx.db.invitation.updateManyAndReturn({
      where: { tenantId: ctx.tenantId, email, ...PENDING },
      data,
      select: SELECT,
    });
    if (refreshed) return { ...refreshed, renewed: true };
    try {
      return { ...(await ctx.db.invitation.create({ data: { tenantId: ctx.tenantId, email, ...data }, select: SELECT })), renewed: false };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new ConflictError("The invitation changed while it was being sent; try again");
}

/** Pending invitations of the caller's tenant, newest first, a page at a time; expired ones included (re-inviting refreshes them). */
export async function listPendingInvitations({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListInvitationsQuery;
}): Promise<{ invitations: PendingInvitation[]; nextCursor: string | null }> {
  const rows = await ctx.db.invitation.findMany({
    where: { tenantId: ctx.tenantId, ...PENDING },
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { invitations: items, nextCursor };
}

/** Scoped to the tenant: another tenant's invitation answers NotFoundError, like a missing one. */
export async function revokeInvitation({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  const invitation = await ctx.db.invitation.findFirst({ where: { id, tenantId: ctx.tenantId, ...PENDING }, select: { role: true } });
  if (!invitation) throw new NotFoundError("Invitation");
  assertMayManage(ctx, invitation.role);
  const revoked = await ctx.db.invitation.updateMany({
    where: { id, tenantId: ctx.tenantId, ...PENDING },
    data: { revokedAt: new Date() },
  });
  if (revoked.count !== 1) throw new NotFoundError("Invitation");
}
