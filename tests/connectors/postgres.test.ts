import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPostgresConnector, PostgresConfig } from "@/lib/aam/connectors/postgres";
import { ConnectorError, type Connector, type ReadBatch, type SourceStream, type StreamState } from "@/lib/aam/connectors/types";

// Against the machine's PostgreSQL, in a database of its own (the integration suite owns aos_test).
const adminUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test");
adminUrl.pathname = "/postgres";
const sourceUrl = new URL(adminUrl);
sourceUrl.pathname = "/aos_connector_test";

let source: pg.Client;
const connectors: Connector[] = [];

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS aos_connector_test WITH (FORCE)");
  await admin.query("CREATE DATABASE aos_connector_test");
  await admin.end();
  source = new pg.Client({ connectionString: sourceUrl.toString() });
  await source.connect();
});

afterAll(async () => {
  await Promise.all(connectors.map((c) => c.close()));
  await source?.end();
});

beforeEach(async () => {
  await source.query(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;
    CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, revenue numeric(12,2), active boolean NOT NULL DEFAULT true,
      tags text[], meta jsonb, founded date, updated_at timestamptz NOT NULL);
    CREATE TABLE events (id serial PRIMARY KEY, kind text NOT NULL);
    CREATE TABLE "we""ird; table" ("co""l; DROP TABLE accounts;--" text PRIMARY KEY, "<b>html</b>" int);`);
  await source.query(`INSERT INTO accounts SELECT g, 'Account ' || g, g * 100.5, g % 2 = 0, ARRAY['a','b'], '{"tier": 1}', DATE '2020-01-01' + g,
      TIMESTAMPTZ '2024-01-01 00:00:00.000001+00' + (g / 5) * interval '1 hour' FROM generate_series(1, 25) g`);
});

function connect(settings: Partial<PostgresConfig> = {}) {
  const connector = createPostgresConnector(PostgresConfig.parse({ url: sourceUrl.toString(), ...settings }));
  connectors.push(connector);
  return connector;
}

async function stream(name: string, connector = connect()): Promise<SourceStream> {
  const found = (await connector.discover()).streams.find((s) => s.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

async function readAll(connector: Connector, s: SourceStream, state: StreamState, batchSize = 10, onBatch?: (n: number) => Promise<void>) {
  const batches: ReadBatch[] = [];
  try {
    for await (const batch of connector.read(s, state, { batchSize })) {
      batches.push(batch);
      await onBatch?.(batches.length);
    }
    return { batches, error: null as unknown };
  } catch (error) {
    return { batches, error };
  }
}

const ids = (batches: ReadBatch[]) => batches.flatMap((b) => b.records.map((r) => r.id));

describe("PostgreSQL connector", () => {
  it("checks, and names unreachable servers and bad credentials apart", async () => {
    await expect(connect().check()).resolves.toBeUndefined();
    const closed = createPostgresConnector(PostgresConfig.parse({ url: "postgresql://postgres@127.0.0.1:1/x" }));
    await expect(closed.check()).rejects.toMatchObject({ kind: "unreachable" });
    const missingUrl = new URL(adminUrl);
    missingUrl.pathname = "/no_such_db";
    const missing = createPostgresConnector(PostgresConfig.parse({ url: missingUrl.toString() }));
    await expect(missing.check()).rejects.toMatchObject({ kind: "config", message: "The database does not exist" });
  });

  it("discovers tables from the catalog with types, keys, cursors and samples", async () => {
    const { streams } = await connect().discover();
    const accounts = streams.find((s) => s.name === "accounts")!;
    expect(accounts.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ["id", "integer", false],
      ["name", "string", false],
      ["revenue", "number", true],
      ["active", "boolean", false],
      ["tags", "json", true],
      ["meta", "json", true],
      ["founded", "date", true],
      ["updated_at", "timestamp", false],
    ]);
    expect(accounts.primaryKey).toEqual(["id"]);
    expect(accounts.cursorField).toBe("updated_at");
    expect(accounts.sample[0]).toMatchObject({ id: 1, revenue: 100.5, tags: ["a", "b"], meta: { tier: 1 }, founded: "2020-01-02", updated_at: "2024-01-01T00:00:00.000Z" });
    expect(streams.find((s) => s.name === "events")!.cursorField).toBe("id");
  });

  it("paginates, then reads only rows changed since the saved cursor (microsecond ties included)", async () => {
    const connector = connect();
    const accounts = await stream("accounts", connector);
    const full = await readAll(connector, accounts, null);
    expect(full.batches.map((b) => b.records.length)).toEqual([10, 10, 5]);
    expect(ids(full.batches)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));

    await source.query("UPDATE accounts SET name = 'changed', updated_at = now() WHERE id IN (3, 7)");
    await source.query("INSERT INTO accounts (id, name, updated_at) VALUES (26, 'new', now())");
    const next = await readAll(connector, accounts, full.batches.at(-1)!.state);
    expect(ids(next.batches).sort()).toEqual([26, 3, 7].sort());
  });

  it("resumes after a connection dropped mid-read with no duplicates and nothing lost", async () => {
    const accounts = await stream("accounts");
    const reader = connect();
    const first = await readAll(reader, accounts, null, 5, async (n) => {
      if (n === 2) await source.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'aos_connector_test' AND application_name = 'autonomos'");
    });
    expect(first.error).toBeInstanceOf(ConnectorError);
    expect((first.error as ConnectorError).kind).toBe("unreachable");
    const rest = await readAll(connect(), accounts, first.batches.at(-1)!.state, 5);
    const all = [...ids(first.batches), ...ids(rest.batches)];
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("reads tables and columns with hostile names without executing anything", async () => {
    await source.query(`INSERT INTO "we""ird; table" VALUES ('x''y', 1), ('z', 2)`);
    const weird = await stream('we"ird; table');
    expect(weird.fields.map((f) => f.name)).toEqual(['co"l; DROP TABLE accounts;--', "<b>html</b>"]);
    const { batches, error } = await readAll(connect(), weird, null);
    expect(error).toBeNull();
    expect(batches.flatMap((b) => b.records)).toEqual([
      { 'co"l; DROP TABLE accounts;--': "x'y", "<b>html</b>": 1 },
      { 'co"l; DROP TABLE accounts;--': "z", "<b>html</b>": 2 },
    ]);
    expect((await source.query("SELECT count(*)::int AS n FROM accounts")).rows[0].n).toBe(25);
  });

  it("restarts a full-refresh table next time, and reports a missing configured table", async () => {
    await source.query("CREATE TABLE plain (code text NOT NULL, label text)");
    await source.query("INSERT INTO plain VALUES ('a', '1'), ('b', '2'), ('c', '3')");
    const connector = connect({ tables: ["plain", "nope"] });
    const { streams, problems } = await connector.discover();
    expect(problems).toEqual([{ stream: "nope", message: "Table nope was not found in schema public" }]);
    const plain = streams[0]!;
    expect(plain.cursorField).toBeNull();
    const read = await readAll(connector, plain, null, 2);
    expect(read.batches.flatMap((b) => b.records).map((r) => r.code)).toEqual(["a", "b", "c"]);
    expect(read.batches.at(-1)!.state).toBeNull();
  });
});
