import "server-only";
import { NotFoundError } from "@/lib/errors";
import type { TenantContext } from "@/lib/auth/context";

/** The signed-in user, their active tenant and role. */
export async function getCurrentAccount({ ctx }: { ctx: TenantContext }) {
  const [user, tenant] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: ctx.actor.userId }, select: { id: true, email: true, name: true } }),
    ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { id: true, name: true, slug: true } }),
  ]);
  if (!user || !tenant) throw new NotFoundError("Account");
  return { user, tenant, role: ctx.actor.role };
}
