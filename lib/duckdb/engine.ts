import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { env } from "@/lib/env";

/**
 * The process's one DuckDB: in memory, holding no tenant's data. Every file it reads or writes is
 * an immutable Parquet file of the store (segments, view builds), named by the caller, so any
 * number of processes and machines read the same data without sharing a database file.
 *
 * It lives on globalThis: Next.js loads the instrumentation code (the job engine) and the pages as
 * separate module graphs, and a module-level instance would be one per graph. Each operation
 * takes its own connection; connections are cheap and closed when the operation ends.
 */
type Engine = { instance: Promise<DuckDBInstance> };
const globalForDuckDb = globalThis as unknown as { aosDuckDbEngine?: Engine };

function engine(): Engine {
  return (globalForDuckDb.aosDuckDbEngine ??= { instance: create() });
}

async function create(): Promise<DuckDBInstance> {
  const spill = path.resolve(env.dataDir, "tmp", "duckdb");
  await mkdir(spill, { recursive: true });
  const options: Record<string, string> = {
    memory_limit: env.duckdb.memoryLimit,
    temp_directory: spill,
    // Extensions are never downloaded (no network here, and none is needed): parquet and json are built in.
    autoinstall_known_extensions: "false",
  };
  if (env.duckdb.threads) options.threads = String(env.duckdb.threads);
  const instance = await DuckDBInstance.create(":memory:", options);
  const setup = await instance.connect();
  try {
    // Instants are stored and shown in UTC, whatever the server's zone; Parquet footers are cached.
    await setup.run("SET GLOBAL TimeZone = 'UTC'");
    await setup.run("SET GLOBAL parquet_metadata_cache = true");
  } finally {
    setup.closeSync();
  }
  return instance;
}

export async function withDuckDb<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await (await engine().instance).connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
  }
}

/** Closes the engine (tests and shutdown); the next operation opens a new one. */
export async function closeDuckDb(): Promise<void> {
  const current = globalForDuckDb.aosDuckDbEngine;
  globalForDuckDb.aosDuckDbEngine = undefined;
  (await current?.instance.catch(() => null))?.closeSync();
}
