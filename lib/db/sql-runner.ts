import type { PGlite } from "@electric-sql/pglite";

/** A raw SQL connection, used where Prisma cannot go: migrations and bootstrap. */
export interface SqlRunner {
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}
