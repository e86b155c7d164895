import pg from "pg";
import type { SqlRunner } from "@/lib/db/sql-runner";

/** A SqlRunner on one dedicated connection (migrations need session-level locks and transactions). */
export async function withPgRunner<T>(url: string, fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn({
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <R extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params as unknown[])).rows as R[],
    });
  } finally {
    await client.end();
  }
}
