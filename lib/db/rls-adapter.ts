import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { createHash } from "node:crypto";
import { currentDbScope, type DbScope } from "@/lib/db/scope";

/** The role tenant work runs as: no BYPASSRLS, owns no table (prisma/migrations/*_row_level_security). */
export const APP_ROLE = "aos_app";

/**
 * Wraps a driver adapter so that every statement runs in a transaction that first sets the
 * caller's scope (lib/db/scope.ts): `SET LOCAL ROLE aos_app`, `app.tenant_id`, `app.user_id` and
 * `app.scope_sig`, all transaction-local, so nothing leaks to the next user of a pooled connection
 * (and it works behind PgBouncer in transaction mode). The signature is keyed by a secret only the
 * owner can read, which this process reads once when it connects (as the owner): SQL running as
 * aos_app cannot forge a scope for another tenant. The system scope skips the prefix and keeps the
 * owner's rights. A statement outside any scope runs as aos_app with no tenant: it sees no tenant's rows.
 *
 * With `app` (server mode with AOS_APP_DATABASE_URL: a login role that is a member of aos_app and
 * neither superuser nor owner), everything but the system scope goes through that login, so even
 * `RESET ROLE` leaves a statement under row-level security.
 */
export function withRowLevelSecurity(owner: SqlDriverAdapterFactory, app?: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: owner.provider,
    adapterName: owner.adapterName,
    async connect() {
      const system = await owner.connect();
      const { rows } = await system.queryRaw({ sql: "SELECT key FROM aos_private.scope_key LIMIT 1", args: [], argTypes: [] });
      if (typeof rows[0]?.[0] !== "string") throw new Error("The row-level security key is missing: the migrations did not run");
      return scopedAdapter(system, app ? await app.connect() : system, rows[0][0]);
    },
  };
}

function scopedAdapter(system: SqlDriverAdapter, tenant: SqlDriverAdapter, key: string): SqlDriverAdapter {
  async function begin(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const scope = currentDbScope();
    const tx = await (scope?.kind === "system" ? system : tenant).startTransaction(isolationLevel);
    if (scope?.kind === "system") return tx;
    try {
      await tx.queryRaw(scopeStatement(scope, key));
    } catch (error) {
      await close(tx, "ROLLBACK").catch(() => {});
      throw error;
    }
    return tx;
  }

  /** One statement in its own scoped transaction. */
  async function once<T>(run: (q: Transaction) => Promise<T>): Promise<T> {
    const tx = await begin();
    let result: T;
    try {
      result = await run(tx);
    } catch (error) {
      await close(tx, "ROLLBACK").catch(() => {});
      throw error;
    }
    await close(tx, "COMMIT");
    return result;
  }

  return {
    provider: system.provider,
    adapterName: system.adapterName,
    queryRaw: (query: SqlQuery): Promise<SqlResultSet> =>
      currentDbScope()?.kind === "system" ? system.queryRaw(query) : once((tx) => tx.queryRaw(query)),
    executeRaw: (query: SqlQuery): Promise<number> =>
      currentDbScope()?.kind === "system" ? system.executeRaw(query) : once((tx) => tx.executeRaw(query)),
    // Several statements in one go run as the owner, so only the system scope may send them.
    executeScript: (script: string) =>
      currentDbScope()?.kind === "system"
        ? system.executeScript(script)
        : Promise.reject(new Error("Scripts run only in the system scope")),
    startTransaction: begin,
    getConnectionInfo: system.getConnectionInfo?.bind(system),
    dispose: async () => {
      await system.dispose();
      if (tenant !== system) await tenant.dispose();
    },
  };
}

/** Adapters either send COMMIT/ROLLBACK themselves (phantom queries) or expect the caller to. */
async function close(tx: Transaction, statement: "COMMIT" | "ROLLBACK") {
  if (!tx.options.usePhantomQuery) {
    try {
      await tx.executeRaw({ sql: statement, args: [], argTypes: [] });
    } catch (error) {
      await tx.rollback().catch(() => {});
      throw error;
    }
  }
  await (statement === "COMMIT" ? tx.commit() : tx.rollback());
}

const text = { scalarType: "string", arity: "scalar" } as const;

function scopeStatement(scope: Exclude<DbScope, { kind: "system" }> | undefined, key: string): SqlQuery {
  const tenantId = scope?.kind === "tenant" ? scope.tenantId : "";
  const userId = scope?.userId ?? "";
  const signature = createHash("sha256").update(`${key}:${tenantId}:${userId}`).digest("hex");
  return {
    sql:
      "SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true), " +
      "set_config('app.user_id', $3, true), set_config('app.scope_sig', $4, true)",
    args: [APP_ROLE, tenantId, userId, signature],
    argTypes: [text, text, text, text],
  };
}
