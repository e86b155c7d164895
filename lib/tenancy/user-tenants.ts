import "server-only";
import type { Role } from "@/lib/auth/roles";
import { userDb } from "@/lib/db/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A user's tenants. These reads cross tenants by nature (one user, many tenants): they run in the
 * user's row-level-security scope and are always filtered by the user's own id.
 */
export type UserTenant = { id: string; name: string; slug: string; role: Role };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Oldest membership first. */
export async function listUserTenants(db: PrismaClient, userId: string): Promise<UserTenant[]> {
  const rows = await userDb(db, userId).membership.findMany({
    where: { userId },
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}

/**
 * The tenant `ref` (an id or a slug) names, when the user is a member of it; null otherwise. A
 * tenant that does not exist and one the user does not belong to look the same.
 */
export async function findUserTenant(db: PrismaClient, userId: string, ref: string): Promise<UserTenant | null> {
  const row = await userDb(db, userId).membership.findFirst({
    where: { userId, tenant: UUID.test(ref) ? { id: ref.toLowerCase() } : { slug: ref } },
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
  });
  return row ? { ...row.tenant, role: row.role } : null;
}
