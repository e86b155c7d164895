import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inspectDb } from "../support/db";
import { migrate, readMigrations, type Migration } from "@/lib/db/migrate";
import type { SqlRunner } from "@/lib/db/sql-runner";

describe("startup migrations", () => {
  it("applied every migration and recorded it in _prisma_migrations with Prisma's checksum", async () => {
    const db = await inspectDb();
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string }[]>`
      SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    const files = await readMigrations();
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum })));
  });

  it("has the pgvector extension loaded", async () => {
    const db = await inspectDb();
    const [row] = await db.$queryRaw<{ d: number }[]>`SELECT ('[1,2,3]'::vector <-> '[1,2,4]'::vector)::float8 AS d`;
    expect(row.d).toBeCloseTo(1);
  });
});

// The embedded database has one owner process, which migrates alone; concurrent runners need a server.
describe.skipIf(!process.env.DATABASE_URL)("migration runners behind PgBouncer in transaction mode", () => {
  const schema = "aos_migrate_pooled";
  const connections: pg.Client[] = [];
  const pids: number[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    connections.push(client);
    pids.push((await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid);
    return client;
  };

  afterAll(async () => {
    await connections[0]?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await Promise.all(connections.map((c) => c.end()));
  });

  /**
   * Like the pooler at its least convenient: a statement outside a transaction takes the next server
   * connection in turn; from BEGIN to COMMIT or ROLLBACK one connection serves the client.
   */
  async function transactionPooled(size: number): Promise<SqlRunner> {
    const servers = await Promise.all(Array.from({ length: size }, connect));
    let turn = 0;
    let pinned: pg.Client | undefined;
    const query = async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => {
      const server = pinned ?? servers[turn++ % servers.length];
      if (/^\s*BEGIN\b/i.test(sql)) pinned = server;
      try {
        return (await server.query(sql, params)).rows as T[];
      } finally {
        if (/^\s*(COMMIT|ROLLBACK)\b/i.test(sql)) pinned = undefined;
      }
    };
    return { exec: async (sql) => void (await query(sql)), query };
  }

  it("apply each migration once when several start together, and leave no lock held", async () => {
    const migrations: Migration[] = ["001_a", "002_b", "003_c"].map((name) => {
      const sql = `CREATE TABLE "${name}" (id int); SELECT pg_sleep(0.05);`;
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
    const first = await connect();
    await first.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    const runners = await Promise.all([1, 2, 3, 4].map(() => transactionPooled(2)));

    const results = await Promise.all(runners.map((runner) => migrate(runner, { migrations })));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(["001_a", "002_b", "003_c"]);
    const { rows } = await first.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(["001_a", "002_b", "003_c"]);
    const held = await first.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = ANY($1)`, [pids]);
    expect(held.rows).toEqual([{ n: 0 }]);
  });
});
