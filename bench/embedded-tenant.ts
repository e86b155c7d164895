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
const { tenantDb } = await import("@/lib/db/scope");
const { registerAccount } = await import("@/lib/tenancy/register");
const { createConnection } = await import("@/lib/aam/connections");
const { uploadDirectory } = await import("@/lib/aam/connectors/file/location");

/** A tenant owner's context and an upload connection whose folder exists. */
export async function benchTenant() {
  const db = await getDb();
  const account = await registerAccount(db, { email: "bench@example.test", password: "bench password 123", name: "Bench", tenantName: "Bench" }, "127.0.0.1");
  const ctx = { tenantId: account.tenantId, db: tenantDb(db, account.tenantId, account.userId), actor: { userId: account.userId, role: "owner" as const, via: "session" as const } };
  const connection = await createConnection({ ctx, input: { name: "bench", type: "file", config: {}, schemaPolicy: "propagate_all" } });
  const directory = uploadDirectory({ tenantId: ctx.tenantId, connectionId: connection.id });
  await mkdir(directory, { recursive: true });
  return { ctx, connection, directory };
}
