import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The demo sign-in documented in README.md. Seeding is idempotent. */
export const DEMO = { email: "demo@autonomos.dev", password: "autonomos-demo", name: "Demo User", tenant: "Acme Demo", slug: "acme-demo" };

export async function seedDemo(db: PrismaClient): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { id: true } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO.password);
  await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.upsert({ where: { slug: DEMO.slug }, update: {}, create: { name: DEMO.tenant, slug: DEMO.slug } });
    const user = await tx.user.create({ data: { email: DEMO.email, name: DEMO.name, passwordHash } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
  });
  return { created: true };
}
