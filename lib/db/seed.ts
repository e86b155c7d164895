import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The demo sign-in documented in README.md. Seeding is idempotent; the demo address counts as verified. */
export const DEMO = { email: "demo@autonomos.dev", password: "autonomos-demo", name: "Demo User", tenant: "Acme Demo", slug: "acme-demo" };

export async function seedDemo(db: PrismaClient): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO.email }, select: { id: true } });
  if (existing) {
    await db.user.updateMany({ where: { id: existing.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO.password);
  await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.upsert({ where: { slug: DEMO.slug }, update: {}, create: { name: DEMO.tenant, slug: DEMO.slug } });
    const user = await tx.user.create({ data: { email: DEMO.email, name: DEMO.name, passwordHash, emailVerifiedAt: new Date() } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
  });
  return { created: true };
}
