import pg from "pg";
import { startUpstashProxy } from "./upstash-proxy";

/**
 * Server mode: a fresh test database on the machine's PostgreSQL (the app's runner migrates it) and
 * Redis through an Upstash-compatible proxy, so these runs use the production clients end to end.
 */
export default async function setup() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test");
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe test database name: ${name}`);
  const admin = new pg.Client({ connectionString: new URL("/postgres", url).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }

  const proxy = await startUpstashProxy(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", "integration-token");
  process.env.UPSTASH_REDIS_REST_URL = proxy.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = "integration-token";
  return () => proxy.close();
}
