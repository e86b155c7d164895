import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openEmbedded, type EmbeddedHandle, type ProcessKind } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { withPgRunner } from "@/lib/db/pg-runner";
import { pgliteRunner } from "@/lib/db/sql-runner";
import { withRowLevelSecurity } from "@/lib/db/rls-adapter";

/**
 * The process-wide Prisma client. Server mode (DATABASE_URL): PostgreSQL through @prisma/adapter-pg,
 * unnamed statements only, so it also works behind PgBouncer in transaction mode. Embedded default:
 * the process owning the PGlite data folder uses it through pglite-prisma-adapter; other processes
 * (CLI beside a running app) reach it through the owner's port with @prisma/adapter-pg.
 * Pending migrations are applied before the first query. Every statement runs under row-level
 * security in the caller's scope (lib/db/scope.ts); use `tenantDb` for tenant work.
 */
type DbState = { client: PrismaClient; mode: "embedded" | "server"; embedded?: EmbeddedHandle };

const globalForDb = globalThis as unknown as { aosDb?: Promise<DbState>; aosDbKind?: ProcessKind };

/** The CLI calls this before touching the database; the app server is the default. */
export function setProcessKind(kind: ProcessKind) {
  globalForDb.aosDbKind = kind;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDbState()).client;
}

export function getDbState(): Promise<DbState> {
  globalForDb.aosDb ??= openDb().catch((error) => {
    globalForDb.aosDb = undefined;
    throw error;
  });
  return globalForDb.aosDb;
}

async function openDb(): Promise<DbState> {
  const options = { allowDestructive: env.allowDestructiveMigrations };
  const applied = (result: { applied: string[] }) => {
    if (result.applied.length) log.info("migrations applied", { applied: result.applied });
  };

  if (env.database.mode === "server") {
    const url = env.database.url;
    applied(await withPgRunner(url, (runner) => migrate(runner, options)));
    // With a dedicated login for tenant work, the owner's pool serves only the system scope.
    const app = env.database.appUrl ? pgAdapter(env.database.appUrl, 10) : undefined;
    return { client: new PrismaClient({ adapter: withRowLevelSecurity(pgAdapter(url, app ? 4 : 10), app) }), mode: "server" };
  }

  const embedded = await openEmbedded(env.database.dataDir, globalForDb.aosDbKind ?? "server", async (pglite) =>
    applied(await migrate(pgliteRunner(pglite), options)),
  );
  const adapter = embedded.role === "owner" ? new PrismaPGlite(embedded.pglite) : pgAdapter(embedded.url, 4);
  return { client: new PrismaClient({ adapter: withRowLevelSecurity(adapter) }), mode: "embedded", embedded };
}

/** A dropped idle connection must not crash the process; the pool replaces it on next use. */
function pgAdapter(connectionString: string, max: number): PrismaPg {
  const pool = new pg.Pool({ connectionString, max });
  pool.on("error", (error) => log.warn("database connection lost", { error: error.message }));
  return new PrismaPg(pool);
}

/** Closes the client and, when this process owns the embedded database, stops serving it. */
export async function closeDb(): Promise<void> {
  const state = await globalForDb.aosDb?.catch(() => undefined);
  globalForDb.aosDb = undefined;
  if (!state) return;
  await state.client.$disconnect();
  await state.embedded?.close();
}
