import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "@/lib/db/sql-runner";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each in Prisma's own
 * `_prisma_migrations` table (same columns, same sha256 checksum), so the stock `prisma migrate`
 * commands agree with what this runner did. Serialized across processes by Prisma's advisory lock id,
 * taken per transaction (pg_advisory_xact_lock): a session-level lock would not hold behind PgBouncer
 * in transaction mode, where consecutive statements outside a transaction may use different server
 * connections.
 */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const PRISMA_ADVISORY_LOCK = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const DESTRUCTIVE: { pattern: RegExp; what: string }[] = [
  { pattern: /\bDROP\s+TABLE\b/i, what: "drops a table" },
  { pattern: /\bDROP\s+COLUMN\b/i, what: "drops a column" },
  { pattern: /\bTRUNCATE\b/i, what: "truncates a table" },
  { pattern: /\bDROP\s+SCHEMA\b/i, what: "drops a schema" },
  { pattern: /\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b/i, what: "changes a column type (may narrow or lose data)" },
  { pattern: /\bDELETE\s+FROM\b/i, what: "deletes rows" },
];

/** Lists the destructive statements in a migration (comments and string literals ignored). */
export function findDestructiveStatements(sql: string): string[] {
  const code = sql
    .replace(/--[^\n]*/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/'(?:[^']|'')*'/g, "''");
  return code
    .split(";")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .flatMap((statement) => DESTRUCTIVE.filter((d) => d.pattern.test(statement)).map((d) => `${d.what}: ${statement.slice(0, 160)}`));
}

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/**
 * Each step is one transaction holding the lock: it reads what is recorded, checks it against the
 * migrations (none half-finished, none edited since, no destructive statement among all still
 * pending unless allowed), then applies and records the next pending migration. A step re-reads
 * everything, so another runner's steps may come in between; each migration commits on its own.
 */
export async function migrate(
  db: SqlRunner,
  { allowDestructive = false, migrations }: { allowDestructive?: boolean; migrations?: Migration[] } = {},
): Promise<MigrateResult> {
  const all = migrations ?? (await readMigrations());
  await inLockedTransaction(db, () => db.exec(BOOKKEEPING));
  const applied: string[] = [];
  for (;;) {
    const next = await inLockedTransaction(db, async () => {
      const [first] = await checkPending(db, all, allowDestructive);
      if (first) await applyOne(db, first);
      return first;
    });
    if (!next) return { applied, alreadyApplied: all.length - applied.length };
    applied.push(next.name);
  }
}

/** Read committed whatever the server's default: statements after the lock see what its last holder committed. */
async function inLockedTransaction<T>(db: SqlRunner, fn: () => Promise<T>): Promise<T> {
  await db.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
  try {
    await db.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    const result = await fn();
    await db.exec("COMMIT");
    return result;
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** The migrations not yet recorded, in order; throws when the recorded state forbids going on. */
async function checkPending(db: SqlRunner, all: Migration[], allowDestructive: boolean): Promise<Migration[]> {
  const rows = await db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration "${failed.migration_name}" started but never finished. Repair the database, then mark it rolled back ` +
        `(prisma migrate resolve --rolled-back ${failed.migration_name}) before starting again.`,
    );
  }
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  for (const m of all) {
    const recorded = done.get(m.name);
    if (recorded && recorded !== m.checksum) {
      throw new MigrationError(`Migration "${m.name}" was modified after it was applied (checksum differs). Add a new migration instead.`);
    }
  }
  const pending = all.filter((m) => !done.has(m.name));
  if (!allowDestructive) {
    const destructive = pending.flatMap((m) => findDestructiveStatements(m.sql).map((s) => `${m.name}: ${s}`));
    if (destructive.length > 0) {
      throw new MigrationError(
        `Refusing to apply destructive migration statements:\n  - ${destructive.join("\n  - ")}\n` +
          `Back up the database, then set AOS_ALLOW_DESTRUCTIVE_MIGRATIONS=true to apply them.`,
      );
    }
  }
  return pending;
}

/** Runs inside the step's transaction, so a failure rolls the whole migration back. */
async function applyOne(db: SqlRunner, m: Migration) {
  try {
    await db.exec(m.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), m.checksum, m.name],
    );
  } catch (error) {
    throw new MigrationError(`Migration "${m.name}" failed and was rolled back: ${(error as Error).message}`);
  }
}
