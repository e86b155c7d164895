/**
 * Shared bench setup: a fresh embedded data folder (PGlite, quiet logs), a tenant and an upload
 * connection in it. Imported before anything reads the environment.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.AOS_DATA_DIR = await mkdtemp(path.join(tmpdir(), "aos-bench-"));
process.env.DATABASE_URL = "";
process.env.LOG_LEVEL = "error";

const { getDb } = await import("@/lib/db");
const { tenantDb, userDb } = await import("@/lib/db/scope");
const { registerAccount } = await import("@/lib/tenancy/register");
const { createConnection } = await import("@/lib/aam/connections");
const { uploadDirectory } = await import("@/lib/aam/connectors/file/location");

/** A tenant owner's context and an upload connection whose folder exists. */
export async function benchTenant() {
  const db = await getDb();
  const email = "bench@example.test";
  await registerAccount(db, { email, password: "bench password 123", name: "Bench", tenantName: "Bench" }, { clientAddress: "127.0.0.1", appUrl: "http://localhost" });
  const { id: userId } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { tenantId } = await userDb(db, userId).membership.findFirstOrThrow({ where: { userId } });
  const ctx = { tenantId, db: tenantDb(db, tenantId, userId), actor: { userId, role: "owner" as const, via: "session" as const } };
  const connection = await createConnection({ ctx, input: { name: "bench", type: "file", config: {}, schemaPolicy: "propagate_all" } });
  const directory = uploadDirectory({ tenantId: ctx.tenantId, connectionId: connection.id });
  await mkdir(directory, { recursive: true });
  return { ctx, connection, directory };
}
