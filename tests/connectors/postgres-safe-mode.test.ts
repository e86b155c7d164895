import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresConnector, PostgresConfig } from "@/lib/aam/connectors/postgres";
import { ConnectorRefusedError, type Connector } from "@/lib/aam/connectors/types";

// Against the machine's PostgreSQL, in a database of its own, with roles made here and dropped after.
const adminUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test");
adminUrl.pathname = "/postgres";
const DATABASE = "aos_safe_mode_test";
const sourceUrl = new URL(adminUrl);
sourceUrl.pathname = `/${DATABASE}`;

const suffix = randomUUID().slice(0, 8);
const ROLES = {
  reader: `aos_reader_${suffix}`,
  inserter: `aos_inserter_${suffix}`,
  column: `aos_column_${suffix}`,
  writeAll: `aos_write_all_${suffix}`,
};
const PASSWORD = "safe-mode-test";

let admin: pg.Client;
let source: pg.Client;
const connectors: Connector[] = [];

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  source = new pg.Client({ connectionString: sourceUrl.toString() });
  await source.connect();
  await source.query(`CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL);
    INSERT INTO accounts SELECT g, 'Account ' || g FROM generate_series(1, 5) g;
    CREATE VIEW session_mode AS SELECT 1 AS id, current_setting('transaction_read_only') AS read_only;`);
  for (const role of Object.values(ROLES)) {
    await source.query(
      `CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'; GRANT USAGE ON SCHEMA public TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`,
    );
  }
  await source.query(
    `GRANT INSERT ON accounts TO ${ROLES.inserter}; GRANT UPDATE (name) ON accounts TO ${ROLES.column}; GRANT pg_write_all_data TO ${ROLES.writeAll}`,
  );
});

afterAll(async () => {
  await Promise.all(connectors.map((c) => c.close()));
  await source?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  for (const role of Object.values(ROLES)) await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.end();
});

function connect(user: string | null, safeMode = true) {
  const url = new URL(sourceUrl);
  if (user) [url.username, url.password] = [user, PASSWORD];
  const connector = createPostgresConnector(PostgresConfig.parse({ url: url.toString() }), { safeMode });
  connectors.push(connector);
  return connector;
}

const refusal = (connector: Connector) =>
  connector.check().then(
    () => null,
    (e: unknown) => e,
  );

describe("PostgreSQL in safe mode", () => {
  it("refuses a superuser, saying why and what to connect as", async () => {
    const error = await refusal(connect(null));
    expect(error).toBeInstanceOf(ConnectorRefusedError);
    expect(error).toMatchObject({
      kind: "config",
      message: `Safe mode refuses the PostgreSQL role ${adminUrl.username || "postgres"}: it is a superuser and could write to the source; connect as a role with only SELECT on schema public.`,
    });
    // Outside safe mode the same URL is used as before.
    await expect(connect(null, false).check()).resolves.toBeUndefined();
  });

  it("refuses a role that may write to a table of the schema: a grant, a column grant or pg_write_all_data", async () => {
    expect(await refusal(connect(ROLES.inserter))).toMatchObject({
      message: `Safe mode refuses the PostgreSQL role ${ROLES.inserter}: it can write to the source (INSERT on public.accounts); connect as a role with only SELECT on schema public.`,
    });
    expect(await refusal(connect(ROLES.column))).toMatchObject({ message: expect.stringContaining("(UPDATE on public.accounts)") });
    expect(await refusal(connect(ROLES.writeAll))).toMatchObject({
      message: expect.stringMatching(/can write to the source \(DELETE on public\.accounts, INSERT on public\.accounts, .*\)/),
    });
  });

  it("accepts a role with only SELECT, and its session cannot write", async () => {
    const reader = connect(ROLES.reader);
    await expect(reader.check()).resolves.toBeUndefined();
    const { streams } = await reader.discover();
    expect(streams.find((s) => s.name === "accounts")!.sample).toHaveLength(5);
    expect(streams.find((s) => s.name === "session_mode")!.sample).toEqual([{ id: 1, read_only: "on" }]);
    // The same role outside safe mode gets an ordinary session.
    const { streams: ordinary } = await connect(ROLES.reader, false).discover();
    expect(ordinary.find((s) => s.name === "session_mode")!.sample).toEqual([{ id: 1, read_only: "off" }]);
  });
});
