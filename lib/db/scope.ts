import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Who the database sees. Every query runs inside a transaction that first sets the scope
 * (lib/db/rls-adapter.ts): a tenant scope or a user scope runs as the role `aos_app`, under
 * row-level security; with no scope at all it also runs as `aos_app`, with no tenant, and sees no
 * tenant-owned row. The system scope runs as the owner and sees everything: it is for migrations,
 * the startup seed, the job engine's claim and operator CLI commands only (a unit test lists the
 * files allowed to use it).
 */
export type DbScope =
  | { kind: "tenant"; tenantId: string; userId?: string }
  | { kind: "user"; userId: string }
  | { kind: "system"; reason: string };

const globalForScope = globalThis as unknown as { aosDbScope?: AsyncLocalStorage<DbScope> };
const storage = (globalForScope.aosDbScope ??= new AsyncLocalStorage<DbScope>());

/** The scope of the query being sent now, for the adapter. */
export function currentDbScope(): DbScope | undefined {
  return storage.getStore();
}

/** A client whose every query, raw query and transaction runs in the tenant's scope. */
export function tenantDb(db: PrismaClient, tenantId: string, userId?: string): PrismaClient {
  return scoped(db, { kind: "tenant", tenantId, userId });
}

/** A client that sees a signed-in user's own memberships, tenants and invitations, and no tenant's data. */
export function userDb(db: PrismaClient, userId: string): PrismaClient {
  return scoped(db, { kind: "user", userId });
}

/** The owner's view of every tenant. Only for the callers listed in tests/unit/db-scope.test.ts. */
export function systemDb(db: PrismaClient, reason: string): PrismaClient {
  return scoped(db, { kind: "system", reason });
}

/**
 * Model operations and raw queries run through a query extension; transactions are started by
 * `$transaction`, so that call runs in the scope as well.
 */
function scoped(db: PrismaClient, scope: DbScope): PrismaClient {
  const extended = db.$extends({
    // `query(args)` is lazy (a PrismaPromise): awaiting it inside `run` sends it in the scope.
    query: { $allOperations: ({ args, query }) => storage.run(scope, async () => await query(args)) },
  }) as unknown as PrismaClient;
  return new Proxy(extended, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (...args: Parameters<PrismaClient["$transaction"]>) => storage.run(scope, () => target.$transaction(...args));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
