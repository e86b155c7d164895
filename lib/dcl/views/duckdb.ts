import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * One DuckDB database file per tenant (`<data dir>/dcl/<tenant id>.duckdb`), so tenants' views
 * are apart physically. Each operation takes its own connection, and DuckDB's MVCC gives every
 * reader a consistent snapshot.
 *
 * Open instances are shared by the whole process (on globalThis: two instances on one file would
 * corrupt it), at most AOS_DUCKDB_MAX_OPEN of them, least recently used closed first, and each
 * closed after AOS_DUCKDB_IDLE_SECONDS unused. An instance with an operation in progress is never
 * closed; while every open one is busy the bound is exceeded until they finish.
 */
type Handle = {
  opening: Promise<DuckDBInstance>;
  instance?: DuckDBInstance;
  users: number;
  idleTimer?: NodeJS.Timeout;
};
type Pool = { handles: Map<string, Handle> };

const globalForDuckDb = globalThis as unknown as { aosDuckDb?: Pool };
const pool: Pool = (globalForDuckDb.aosDuckDb ??= { handles: new Map() });

const TenantId = z.uuid();

export function tenantDatabasePath(tenantId: string): string {
  return path.resolve(env.dataDir, "dcl", `${TenantId.parse(tenantId)}.duckdb`);
}

export async function withDuckDb<T>(tenantId: string, fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const handle = acquire(tenantId);
  try {
    const connection = await (await handle.opening).connect();
    try {
      // Instants are stored and shown in UTC, whatever the server's zone.
      await connection.run("SET TimeZone = 'UTC'");
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    release(tenantId, handle);
  }
}

/** Tenants whose database is open now, least recently used first. */
export function openDuckDbTenants(): string[] {
  return [...pool.handles.keys()];
}

/** Closes every open tenant database (tests and shutdown). */
export async function closeDuckDbs(): Promise<void> {
  const open = [...pool.handles.values()];
  pool.handles.clear();
  for (const handle of open) {
    clearTimeout(handle.idleTimer);
    (await handle.opening.catch(() => null))?.closeSync();
  }
}

/** Counts a user in, marks the tenant most recently used, and makes room under the bound. */
function acquire(tenantId: string): Handle {
  let handle = pool.handles.get(tenantId);
  if (handle) {
    pool.handles.delete(tenantId);
    clearTimeout(handle.idleTimer);
  } else {
    handle = open(tenantId);
  }
  handle.users += 1;
  pool.handles.set(tenantId, handle);
  evictOverBound();
  return handle;
}

function release(tenantId: string, handle: Handle) {
  handle.users -= 1;
  if (handle.users > 0 || pool.handles.get(tenantId) !== handle) return;
  handle.idleTimer = setTimeout(() => {
    if (handle.users === 0) close(tenantId, handle);
  }, env.duckdb.idleMs);
  handle.idleTimer.unref();
  evictOverBound();
}

function open(tenantId: string): Handle {
  const file = tenantDatabasePath(tenantId);
  const handle = { users: 0 } as Handle;
  handle.opening = (async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file, { memory_limit: "512MB", threads: "2" });
    handle.instance = instance;
    return instance;
  })();
  handle.opening.catch(() => {
    if (pool.handles.get(tenantId) === handle) pool.handles.delete(tenantId);
  });
  return handle;
}

/** Closes idle instances, least recently used first, until the bound holds or only busy ones remain. */
function evictOverBound() {
  for (const [tenantId, handle] of pool.handles) {
    if (pool.handles.size <= env.duckdb.maxOpen) return;
    if (handle.users === 0) close(tenantId, handle);
  }
}

/**
 * Only called with no users: the instance then has finished opening (its opener was a user until
 * it was done), so it closes synchronously and a new open of the file cannot overlap it.
 */
function close(tenantId: string, handle: Handle) {
  clearTimeout(handle.idleTimer);
  if (pool.handles.get(tenantId) === handle) pool.handles.delete(tenantId);
  handle.instance?.closeSync();
  handle.instance = undefined;
}
