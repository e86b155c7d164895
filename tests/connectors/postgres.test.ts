import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPostgresConnector, PostgresConfig } from "@/lib/aam/connectors/postgres";
import { ConnectorError, type Connector, type ReadBatch, type SourceStream, type StreamState } from "@/lib/aam/connectors/types";
import { UNREACHABLE_MESSAGE } from "@/lib/net/policy";
import { setOutboundAllow } from "@/tests/support/outbound-allow";

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
    expect(accounts.sample[0]).toMatchObject({
      id: 1,
      revenue: 100.5,
      tags: ["a", "b"],
      meta: { tier: 1 },
      founded: "2020-01-02",
      updated_at: "2024-01-01T00:00:00.000Z",
    });
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
      if (n === 2)
        await source.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'aos_connector_test' AND application_name = 'autonomos'",
        );
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

describe("PostgreSQL connector: what a tenant's URL may reach", () => {
  const failure = (url: string) =>
    createPostgresConnector({ url, schema: "public" })
      .check()
      .then(
        () => null,
        (e: unknown) => e,
      );

  it("refuses the machine's PostgreSQL on loopback, metadata and private addresses unless allow-listed, with the answer a closed port gets", async () => {
    const closedPort = await failure("postgresql://postgres@127.0.0.1:1/x");
    expect(closedPort).toMatchObject({ kind: "unreachable", message: UNREACHABLE_MESSAGE });
    setOutboundAllow("");
    for (const host of [
      "127.0.0.1:5432",
      "localhost:5432",
      "[::1]:5432",
      "0x7f.1:5432",
      "2130706433:5432",
      "169.254.169.254",
      "10.0.0.1",
      "[::ffff:127.0.0.1]:5432",
      "metadata.google.internal",
    ]) {
      const error = await failure(`postgresql://postgres@${host}/aos_connector_test`);
      expect(error, host).toBeInstanceOf(ConnectorError);
      expect(error, host).toMatchObject({ kind: "unreachable", message: UNREACHABLE_MESSAGE });
    }
    await expect(connect().check()).rejects.toMatchObject({ message: UNREACHABLE_MESSAGE });
  });

  it("refuses Unix sockets, parameters naming server files, options and unknown parameters with a clear message", () => {
    const problem = (url: string) => {
      const parsed = PostgresConfig.safeParse({ url });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(problem("postgresql://postgres@db.example.com/x?host=/var/run/postgresql")).toMatch(/host is not allowed/);
    expect(problem("postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/x")).toMatch(/Unix sockets are not allowed/);
    expect(problem("postgresql:///x")).toMatch(/Unix sockets are not allowed/);
    for (const param of ["sslcert", "sslkey", "sslrootcert", "sslcrl", "passfile", "service"]) {
      expect(problem(`postgresql://postgres@db.example.com/x?${param}=/etc/passwd`), param).toMatch(/names a file on the server/);
    }
    expect(problem("postgresql://postgres@db.example.com/x?options=-c%20search_path%3Dpg_catalog")).toMatch(/options is not allowed/);
    expect(problem("postgresql://postgres@db.example.com/x?hostaddr=127.0.0.1")).toMatch(/not allowed/);
    expect(problem("postgresql://postgres@db.example.com/x?target_session_attrs=any")).toMatch(/not supported/);
    expect(problem("postgresql://postgres@a.example.com,b.example.com/x")).toMatch(/one host/);
    expect(problem("postgresql://db.example.com/x")).toMatch(/must name a user/);
    expect(problem("postgresql://postgres:pw@db.example.com:6543/x?sslmode=require&connect_timeout=10")).toBeNull();
    expect(problem("postgresql://app@db/x?password=s3cret")).toBeNull();
  });

  it("never sends the server's own PGPASSWORD to the tenant's host", async () => {
    const received: string[] = [];
    const peer = net.createServer((socket) => {
      socket.once("data", () => socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]))); // AuthenticationCleartextPassword
      socket.on("data", (data: Buffer) => {
        if (data[0] !== 0x70) return;
        received.push(data.subarray(5, data.length - 1).toString());
        socket.destroy();
      });
    });
    await new Promise<void>((r) => peer.listen(0, "127.0.0.1", r));
    const previous = process.env.PGPASSWORD;
    process.env.PGPASSWORD = "the-servers-own-secret";
    try {
      const error = await failure(`postgresql://someone@127.0.0.1:${(peer.address() as net.AddressInfo).port}/x`);
      expect(error).toBeInstanceOf(ConnectorError);
    } finally {
      if (previous === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = previous;
      peer.close();
    }
    expect(received).toEqual([""]);
  });

  it("keeps columns named __proto__, constructor and prototype as data", async () => {
    await source.query(`CREATE TABLE protos (id int PRIMARY KEY, "__proto__" text, "constructor" text, "prototype" jsonb)`);
    await source.query(`INSERT INTO protos VALUES (1, 'p', 'c', '{"__proto__": {"polluted": true}}')`);
    const connector = connect({ tables: ["protos"] });
    const [protos] = (await connector.discover()).streams;
    expect(protos!.fields.map((f) => f.name)).toEqual(["id", "__proto__", "constructor", "prototype"]);
    const { batches } = await readAll(connector, protos!, null);
    for (const record of [protos!.sample[0]!, batches[0]!.records[0]!]) {
      expect(Object.keys(record)).toEqual(["id", "__proto__", "constructor", "prototype"]);
      expect(JSON.parse(JSON.stringify(record))).toEqual(
        JSON.parse('{"id": 1, "__proto__": "p", "constructor": "c", "prototype": {"__proto__": {"polluted": true}}}'),
      );
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
