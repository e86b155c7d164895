import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * One DuckDB database file per tenant (`<data dir>/dcl/<tenant id>.duckdb`), so tenants' views
 * are apart physically. Instances stay open for the process; each operation takes its own
 * connection, and DuckDB's MVCC gives every reader a consistent snapshot.
 */
const instances = new Map<string, Promise<DuckDBInstance>>();
const TenantId = z.uuid();

export function tenantDatabasePath(tenantId: string): string {
  return path.resolve(env.dataDir, "dcl", `${TenantId.parse(tenantId)}.duckdb`);
}

async function openInstance(tenantId: string): Promise<DuckDBInstance> {
  const file = tenantDatabasePath(tenantId);
  await mkdir(path.dirname(file), { recursive: true });
  return DuckDBInstance.create(file, { memory_limit: "512MB", threads: "2" });
}

export async function withDuckDb<T>(tenantId: string, fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  let instance = instances.get(tenantId);
  if (!instance) {
    instance = openInstance(tenantId);
    instances.set(tenantId, instance);
    instance.catch(() => instances.delete(tenantId));
  }
  const connection = await (await instance).connect();
  try {
    // Instants are stored and shown in UTC, whatever the server's zone.
    await connection.run("SET TimeZone = 'UTC'");
    return await fn(connection);
  } finally {
    connection.closeSync();
  }
}

/** Closes every open tenant database (tests and shutdown). */
export async function closeDuckDbs(): Promise<void> {
  const open = [...instances.values()];
  instances.clear();
  for (const instance of open) (await instance.catch(() => null))?.closeSync();
}
