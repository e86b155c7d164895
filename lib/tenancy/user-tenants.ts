import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { userDb } from "@/lib/db/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserTenant } from "@/lib/tenancy/schemas";

/**
 * A user's tenants. These reads cross tenants by nature (one user, many tenants), and row-level
 * security admits them only in a scope that carries the user: a signed-in caller's `ctx.db`
 * (lib/auth/request-auth.ts), or the user scope before a context exists (sign-in, token exchange).
 * They are always filtered by the user's own id as well.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in caller's tenants, oldest membership first. */
export async function listUserTenants({ ctx }: { ctx: TenantContext }): Promise<UserTenant[]> {
  const rows = await ctx.db.membership.findMany({
    where: { userId: ctx.actor.userId },
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}

/**
 * The tenant `ref` (an id or a slug) names, when the user is a member of it; null otherwise. A
 * tenant that does not exist and one the user does not belong to look the same. For callers
 * without a context yet: `base` is the unscoped client, read in the user's scope.
 */
export async function findUserTenant(base: PrismaClient, userId: string, ref: string): Promise<UserTenant | null> {
  const row = await userDb(base, userId).membership.findFirst({
    where: { userId, tenant: UUID.test(ref) ? { id: ref.toLowerCase() } : { slug: ref } },
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
  });
  return row ? { ...row.tenant, role: row.role } : null;
}
