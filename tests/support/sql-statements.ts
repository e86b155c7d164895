import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getDbState } from "@/lib/db";
import { withRowLevelSecurity } from "@/lib/db/rls-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** Transaction control, which one driver sends as statements and the other inside its own API. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

/**
 * A second Prisma client over the same database, built like the app's (row-level security over the
 * driver), that records every SQL statement its driver sends: the scope prefix included,
 * BEGIN/COMMIT/ROLLBACK left out. What the database sees, not what Prisma was asked. Scope it with
 * `tenantDb` like the app's client; reset `sql.length = 0` between measurements; close it when done.
 */
export async function statementRecordingDb() {
  const { embedded } = await getDbState();
  const sql: string[] = [];
  const record = (factory: SqlDriverAdapterFactory) => recording(factory, sql);
  const server = env.database.mode === "server" ? env.database : undefined;
  const owner =
    embedded?.role === "owner"
      ? new PrismaPGlite(embedded.pglite)
      : new PrismaPg({ connectionString: embedded?.url ?? server!.url, max: 4 });
  const app = server?.appUrl ? record(new PrismaPg({ connectionString: server.appUrl, max: 4 })) : undefined;
  const db = new PrismaClient({ adapter: withRowLevelSecurity(record(owner), app) });
  await db.$connect(); // reads the scope key once, which no later statement repeats
  sql.length = 0;
  return { db, sql, close: () => db.$disconnect() };
}

function recording(factory: SqlDriverAdapterFactory, sql: string[]): SqlDriverAdapterFactory {
  const note = (query: SqlQuery) => {
    if (!TRANSACTION_CONTROL.test(query.sql)) sql.push(query.sql);
  };
  const queryable = <T extends SqlDriverAdapter | Transaction>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        if (property === "queryRaw" || property === "executeRaw") {
          return (query: SqlQuery) => {
            note(query);
            return object[property](query);
          };
        }
        if (property === "executeScript") {
          return (script: string) => {
            sql.push(script);
            return (object as SqlDriverAdapter).executeScript(script);
          };
        }
        if (property === "startTransaction") {
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
            queryable(await (object as SqlDriverAdapter).startTransaction(...args));
        }
        const value = Reflect.get(object, property, receiver);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => queryable(await factory.connect()),
  };
}
