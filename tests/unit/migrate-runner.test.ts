import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { migrate, MigrationError, type Migration } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";

const m = (name: string, sql: string): Migration => ({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });

describe("migration runner", () => {
  let db: PGlite;
  beforeEach(async () => {
    db = await PGlite.create({ dataDir: "memory://" });
  });
  afterEach(async () => db.close());

  it("applies pending migrations in order once, recording them as Prisma does", async () => {
    const list = [m("001_a", 'CREATE TABLE "a" (id int);'), m("002_b", 'ALTER TABLE "a" ADD COLUMN b text;')];
    expect((await migrate(pgliteRunner(db), { migrations: list })).applied).toEqual(["001_a", "002_b"]);
    expect((await migrate(pgliteRunner(db), { migrations: list })).applied).toEqual([]);
    const rows = (
      await db.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      )
    ).rows;
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(list.map((x) => [x.name, x.checksum, 1]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("refuses a destructive migration unless allowed, applying nothing of the batch", async () => {
    await migrate(pgliteRunner(db), { migrations: [m("001_a", 'CREATE TABLE "a" (id int, old text);')] });
    const batch = [
      m("001_a", 'CREATE TABLE "a" (id int, old text);'),
      m("002_ok", 'CREATE TABLE "b" (id int);'),
      m("003_drop", 'ALTER TABLE "a" DROP COLUMN old;'),
    ];
    await expect(migrate(pgliteRunner(db), { migrations: batch })).rejects.toThrow(
      /003_drop: drops a column[\s\S]*AOS_ALLOW_DESTRUCTIVE_MIGRATIONS/,
    );
    expect((await db.query("SELECT to_regclass('b') AS t")).rows).toEqual([{ t: null }]);
    expect((await migrate(pgliteRunner(db), { migrations: batch, allowDestructive: true })).applied).toEqual(["002_ok", "003_drop"]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    await migrate(pgliteRunner(db), { migrations: [m("001_a", 'CREATE TABLE "a" (id int);')] });
    await expect(migrate(pgliteRunner(db), { migrations: [m("001_a", 'CREATE TABLE "a" (id bigint);')] })).rejects.toThrow(MigrationError);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const bad = m("001_bad", 'CREATE TABLE "c" (id int); SELECT * FROM no_such_table;');
    await expect(migrate(pgliteRunner(db), { migrations: [bad] })).rejects.toThrow(/001_bad.*rolled back/);
    expect((await db.query("SELECT to_regclass('c') AS t")).rows).toEqual([{ t: null }]);
    expect((await db.query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).rows).toEqual([{ n: 0 }]);
  });

  it("keeps the migrations before a failing one, each committed on its own, and leaves no lock held", async () => {
    const list = [m("001_a", 'CREATE TABLE "a" (id int);'), m("002_bad", "SELECT * FROM no_such_table;")];
    await expect(migrate(pgliteRunner(db), { migrations: list })).rejects.toThrow(/002_bad.*rolled back/);
    expect((await db.query('SELECT migration_name FROM "_prisma_migrations"')).rows).toEqual([{ migration_name: "001_a" }]);
    expect((await db.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'")).rows).toEqual([{ n: 0 }]);
  });
});
