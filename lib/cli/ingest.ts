import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { syncConnection } from "@/lib/aam/sync";
import { tenantDb } from "@/lib/db/scope";

/**
 * `aos ingest --connection <id>`: one sync, run in this process (no task). Idempotent: a second run
 * over unchanged sources stores nothing new and reports no drift. `db` is the owner's client (it
 * finds the connection's tenant); the sync itself runs in that tenant's scope.
 */
export async function ingest(db: PrismaClient, args: string[]) {
  const index = args.indexOf("--connection");
  const id = index >= 0 ? args[index + 1] : undefined;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id))
    throw new ValidationError("usage: npm run aos -- ingest --connection <connection id> (see `npm run aos -- connections`)");
  const connection = await db.connection.findUnique({ where: { id }, select: { tenantId: true } });
  if (!connection) throw new NotFoundError("Connection");
  return syncConnection({ tenantId: connection.tenantId, db: tenantDb(db, connection.tenantId) }, id);
}

export async function listAllConnections(db: PrismaClient) {
  return db.connection.findMany({
    select: { id: true, name: true, type: true, status: true, tenant: { select: { slug: true } } },
    orderBy: { createdAt: "asc" },
  });
}
