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

const globalForScope = globalThis as unknown as {
  aosDbScope?: AsyncLocalStorage<DbScope>;
  aosDbInTransaction?: AsyncLocalStorage<DbScope>;
};
const storage = (globalForScope.aosDbScope ??= new AsyncLocalStorage<DbScope>());
/**
 * The scope whose interactive transaction's callback runs now: that scope's queries are already in
 * it. Another scope's client called meanwhile still gets a transaction of its own.
 */
const inTransaction = (globalForScope.aosDbInTransaction ??= new AsyncLocalStorage<DbScope>());

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

/** Operations Prisma holds for a tick and sends together, in the context of the first caller. */
const BATCHED = new Set(["findUnique", "findUniqueOrThrow"]);
/** The unscoped client under each scoped one: scoping a scoped client scopes its base. */
const bases = new WeakMap<object, PrismaClient>();

/**
 * Model operations and raw queries run through a query extension; transactions are started by
 * `$transaction`, so that call runs in the scope as well. Prisma sends one tick's `findUnique`s
 * together, from whichever caller came first: with different tenants' clients that would run
 * every one of them in the first one's scope. So outside a transaction each runs in a transaction
 * of its own, begun in its scope. Array transactions are batched the same way and are refused:
 * use `$transaction(async (tx) => ...)`.
 */
function scoped(client: PrismaClient, scope: DbScope): PrismaClient {
  const db = bases.get(client) ?? client;
  const extended = db.$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) =>
        storage.run(scope, async () => {
          if (model && BATCHED.has(operation) && inTransaction.getStore() !== scope) {
            const delegate = `${model[0]!.toLowerCase()}${model.slice(1)}`;
            type Delegate = Record<string, (args: unknown) => Promise<unknown>>;
            return inTransaction.run(scope, () =>
              db.$transaction((tx) => (tx as unknown as Record<string, Delegate>)[delegate]![operation]!(args)),
            );
          }
          // `query(args)` is lazy (a PrismaPromise): awaiting it inside `run` sends it in the scope.
          return await query(args);
        }),
    },
  }) as unknown as PrismaClient;
  const proxy = new Proxy(extended, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (fn: unknown, options?: unknown) => {
          if (typeof fn !== "function")
            throw new Error("A scoped client takes $transaction(async (tx) => ...) only: an array of queries is not sent in its scope");
          return storage.run(scope, () => inTransaction.run(scope, () => target.$transaction(fn as never, options as never)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  bases.set(proxy, db);
  return proxy;
}
