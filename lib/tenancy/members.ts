import "server-only";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { roleHasScope, type Role } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListMembersQuery, Member } from "@/lib/tenancy/schemas";

const SELECT = { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } as const;
type Row = Prisma.MembershipGetPayload<{ select: typeof SELECT }>;
const toMember = (m: Row): Member => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt });

const PRIVILEGED: ReadonlySet<Role> = new Set(["owner", "admin"]);

/** Granting or touching owner/admin needs the owner-only `members:admin` scope. */
export function assertMayManage(ctx: TenantContext, ...roles: Role[]) {
  if (roles.some((r) => PRIVILEGED.has(r)) && !roleHasScope(ctx.actor.role, "members:admin")) {
    throw new ForbiddenError("Only an owner can grant, change or remove owner and admin roles");
  }
}

/**
 * The tenant's members in the order they joined, a page at a time, optionally of one role. Members
 * join only by accepting an invitation (lib/tenancy/invitations.ts). The cursor is a membership id.
 */
export async function listMembers({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListMembersQuery;
}): Promise<{ members: Member[]; nextCursor: string | null }> {
  const rows = await ctx.db.membership.findMany({
    where: { tenantId: ctx.tenantId, ...(query.role && { role: query.role }) },
    select: SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { members: items.map(toMember), nextCursor };
}

/** How many members the tenant has. */
export async function countMembers({ ctx }: { ctx: TenantContext }): Promise<number> {
  return ctx.db.membership.count({ where: { tenantId: ctx.tenantId } });
}

/** Scoped to the tenant: a user of another tenant answers NotFoundError. Keeps at least one owner. */
export async function changeMemberRole({ ctx, userId, role }: { ctx: TenantContext; userId: string; role: Role }): Promise<Member> {
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: ctx.tenantId, userId } } });
    if (!current) throw new NotFoundError("Member");
    assertMayManage(ctx, current.role, role);
    if (current.role === "owner" && role !== "owner") await assertAnotherOwner(tx, ctx.tenantId);
    return toMember(
      await tx.membership.update({ where: { tenantId_userId: { tenantId: ctx.tenantId, userId } }, data: { role }, select: SELECT }),
    );
  });
}

/** Scoped to the tenant; keeps at least one owner. */
export async function removeMember({ ctx, userId }: { ctx: TenantContext; userId: string }): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: ctx.tenantId, userId } } });
    if (!current) throw new NotFoundError("Member");
    assertMayManage(ctx, current.role);
    if (current.role === "owner") await assertAnotherOwner(tx, ctx.tenantId);
    await tx.membership.delete({ where: { tenantId_userId: { tenantId: ctx.tenantId, userId } } });
  });
}

async function assertAnotherOwner(tx: Prisma.TransactionClient, tenantId: string) {
  const owners = await tx.membership.count({ where: { tenantId, role: "owner" } });
  if (owners <= 1) throw new ConflictError("A tenant must keep at least one owner");
}
