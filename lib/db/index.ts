import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openEmbedded, type EmbeddedHandle, type ProcessKind } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { withPgRunner } from "@/lib/db/pg-runner";

/**
 * The process-wide Prisma client. Server mode (DATABASE_URL) talks to PostgreSQL; the embedded
 * default talks to PGlite served by lib/db/embedded. Either way through @prisma/adapter-pg with
 * unnamed statements only, so it also works behind PgBouncer in transaction mode.
 * Pending migrations are applied before the first query.
 */
type DbState = { client: PrismaClient; url: string; mode: "embedded" | "server"; embedded?: EmbeddedHandle };

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
  const embedded = env.database.mode === "embedded" ? await openEmbedded(env.database.dataDir, globalForDb.aosDbKind ?? "server") : undefined;
  const url = embedded?.url ?? (env.database.mode === "server" ? env.database.url : "");
  try {
    const result = await withPgRunner(url, (runner) => migrate(runner, { allowDestructive: env.allowDestructiveMigrations }));
    if (result.applied.length) log.info("migrations applied", { applied: result.applied });
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: embedded ? 8 : 10 }) });
    return { client, url, mode: env.database.mode, embedded };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}

/** Closes the client and, when this process owns the embedded database, stops serving it. */
export async function closeDb(): Promise<void> {
  const state = await globalForDb.aosDb?.catch(() => undefined);
  globalForDb.aosDb = undefined;
  if (!state) return;
  await state.client.$disconnect();
  await state.embedded?.close();
}
