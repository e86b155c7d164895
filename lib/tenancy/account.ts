import "server-only";
import { NotFoundError } from "@/lib/errors";
import type { TenantContext } from "@/lib/auth/context";
import type { Account } from "@/lib/tenancy/schemas";
import { listUserTenants } from "@/lib/tenancy/user-tenants";

/** The signed-in user, their active tenant and role, and every tenant they may switch to. */
export async function getCurrentAccount({ ctx }: { ctx: TenantContext }): Promise<Account> {
  const [user, tenant, tenants] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: ctx.actor.userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true } }),
    ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { id: true, name: true, slug: true } }),
    listUserTenants({ ctx }),
  ]);
  if (!user || !tenant) throw new NotFoundError("Account");
  const { emailVerifiedAt, ...profile } = user;
  return { user: { ...profile, emailVerified: emailVerifiedAt !== null }, tenant, role: ctx.actor.role, tenants };
}
