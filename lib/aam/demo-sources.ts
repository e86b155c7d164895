import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/db/seed";
import { createConnection } from "@/lib/aam/connections";
import { requestSync } from "@/lib/aam/source-actions";
import { tenantDb } from "@/lib/db/scope";

/** Named so nobody mistakes it for live data. */
export const DEMO_CONNECTION = "Demo data (mock_sources)";

/**
 * Startup only, with the owner's client (it finds the demo tenant by slug). Gives the demo tenant a file connection over `mock_sources/` and queues its first sync, so the
 * embedded default has data from the first start. Does nothing once the connection exists.
 */
export async function ensureDemoSources(db: PrismaClient): Promise<{ created: boolean }> {
  const membership = await db.membership.findFirst({ where: { tenant: { slug: DEMO.slug }, user: { email: DEMO.email }, role: "owner" } });
  if (!membership) return { created: false };
  const scoped = tenantDb(db, membership.tenantId, membership.userId);
  const exists = await scoped.connection.count({ where: { tenantId: membership.tenantId, name: DEMO_CONNECTION } });
  if (exists) return { created: false };
  const ctx = {
    tenantId: membership.tenantId,
    db: scoped,
    actor: { userId: membership.userId, role: membership.role, via: "session" as const },
  };
  const connection = await createConnection({
    ctx,
    input: {
      name: DEMO_CONNECTION,
      type: "file",
      config: { source: "directory", directory: "mock_sources" },
      schemaPolicy: "propagate_additive",
    },
  });
  await requestSync({ ctx, id: connection.id });
  return { created: true };
}
