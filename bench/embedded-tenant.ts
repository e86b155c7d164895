/**
 * Shared bench setup: a fresh embedded data folder (PGlite, quiet logs), a tenant and an upload
 * connection in it. Imported before anything reads the environment.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.AOS_DATA_DIR = await mkdtemp(path.join(tmpdir(), "aos-bench-"));
process.env.DATABASE_URL = "";
process.env.LOG_LEVEL = "error";

const { getDb } = await import("@/lib/db");
const { tenantDb, userDb } = await import("@/lib/db/scope");
const { registerAccount } = await import("@/lib/tenancy/register");
const { createConnection } = await import("@/lib/aam/connections");
const { stageForUpload } = await import("@/lib/aam/connectors/file/uploaded");
const { storeUpload } = await import("@/lib/aam/uploads");

/**
 * A tenant owner's context, an upload connection, a scratch folder to write files in, and
 * `upload(name)`, which uploads the folder's file `name` to the connection (again after a change).
 */
export async function benchTenant() {
  const db = await getDb();
  const email = "bench@example.test";
  await registerAccount(
    db,
    { email, password: "bench password 123", name: "Bench", tenantName: "Bench" },
    { clientAddress: "127.0.0.1", appUrl: "http://localhost" },
  );
  const { id: userId } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { tenantId } = await userDb(db, userId).membership.findFirstOrThrow({ where: { userId } });
  const ctx = { tenantId, db: tenantDb(db, tenantId, userId), actor: { userId, role: "owner" as const, via: "session" as const } };
  const connection = await createConnection({ ctx, input: { name: "bench", type: "file", config: {}, schemaPolicy: "propagate_all" } });
  const directory = await mkdtemp(path.join(tmpdir(), "aos-bench-files-"));
  const upload = async (name: string) => storeUpload(ctx, connection.id, name, await stageForUpload(path.join(directory, name)));
  return { ctx, connection, directory, upload };
}
