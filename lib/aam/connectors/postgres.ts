import pg from "pg";
import { z } from "zod";
import { exactNumber } from "./numbers";
import { checkedTarget, unreachable } from "./outbound";
import { enforceReadOnly } from "./postgres-read-only";
import { parsePostgresUrl, type PostgresTarget } from "./postgres-url";
import { newRecord } from "./record";
import {
  ConnectorError,
  SAMPLE_SIZE,
  type Connector,
  type DiscoverResult,
  type FieldType,
  type JsonValue,
  type ReadBatch,
  type SourceRecord,
  type SourceStream,
  type StreamState,
} from "./types";

export const PostgresConfig = z.object({
  /** Parsed into an allow-listed set of settings (./postgres-url.ts); anything else is refused here. */
  url: z.string().superRefine((url, c) => {
    const parsed = parsePostgresUrl(url);
    if (!parsed.ok) c.addIssue({ code: "custom", message: parsed.message });
  }),
  schema: z.string().trim().min(1).max(63).default("public"),
  /** Restrict to these tables; all tables and views of the schema when absent or empty (so an update can go back to all). */
  tables: z
    .array(z.string().min(1).max(63))
    .max(500)
    .transform((t) => (t.length ? t : undefined))
    .optional(),
  /** Table -> column incremental reads advance on; detected (updated_at, ...) when absent. */
  cursors: z.record(z.string(), z.string()).optional(),
});
export type PostgresConfig = z.infer<typeof PostgresConfig>;

const CURSOR_NAMES = ["updated_at", "updatedat", "modified_at", "last_modified", "last_modified_at", "systemmodstamp"];

/**
 * Timestamps and dates arrive as text: cursors keep full microsecond precision; payloads get ISO
 * strings. bigint and numeric become numbers when exactly representable, else stay exact text.
 */
const RAW_TEXT_TYPES = new Set([1082, 1114, 1184]);
const EXACT_NUMBER_TYPES = new Set([20, 1700]);
const typeParsers = {
  getTypeParser: (oid: number, format?: string) => {
    if (RAW_TEXT_TYPES.has(oid)) return (v: string) => v;
    if (EXACT_NUMBER_TYPES.has(oid)) return exactNumber;
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/**
 * Any PostgreSQL (Supabase included) reachable by URL. Tables come from the catalog; reads are
 * keyset-paginated on (cursor, primary key), so a resumed read neither repeats nor skips a row.
 * In safe mode every session is read-only and a role that could write is refused (./postgres-read-only.ts).
 */
export function createPostgresConnector(config: PostgresConfig, { safeMode = false }: { safeMode?: boolean } = {}): Connector {
  let client: pg.Client | undefined;

  async function connect(): Promise<pg.Client> {
    if (client) return client;
    const parsed = parsePostgresUrl(config.url);
    if (!parsed.ok) throw new ConnectorError("config", `The connection URL ${parsed.message}`);
    const next = new pg.Client(await clientConfig(parsed.target));
    next.on("error", () => undefined);
    try {
      await next.connect();
    } catch (error) {
      await next.end().catch(() => undefined);
      throw toConnectorError(error, "connect");
    }
    if (safeMode) {
      try {
        await enforceReadOnly(next, config.schema);
      } catch (error) {
        await next.end().catch(() => undefined);
        throw toConnectorError(error, "query");
      }
    }
    client = next;
    return next;
  }

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const c = await connect();
    try {
      return (await c.query<R>(text, values)).rows;
    } catch (error) {
      throw toConnectorError(error, "query");
    }
  }

  /** Table rows as the driver returns them, keyed by column on objects without a prototype (a column may be `__proto__`). */
  async function tableRows(text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
    const c = await connect();
    try {
      const result = await c.query<unknown[]>({ text, values, rowMode: "array" });
      const names = result.fields.map((f) => f.name);
      return result.rows.map((row) => {
        const out = Object.create(null) as Record<string, unknown>;
        names.forEach((name, i) => (out[name] = row[i]));
        return out;
      });
    } catch (error) {
      throw toConnectorError(error, "query");
    }
  }

  return {
    async check() {
      await query("SELECT 1");
    },

    async discover(): Promise<DiscoverResult> {
      const columns = await query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
        `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = $1 AND t.table_type IN ('BASE TABLE', 'VIEW')
          ORDER BY c.table_name, c.ordinal_position`,
        [config.schema],
      );
      const keys = await query<{ table_name: string; column_name: string }>(
        `SELECT tc.table_name, kcu.column_name
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name
          WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = $1
          ORDER BY tc.table_name, kcu.ordinal_position`,
        [config.schema],
      );
      const wanted = config.tables ? new Set(config.tables) : undefined;
      const result: DiscoverResult = { streams: [], problems: [] };
      const tables = new Map<string, typeof columns>();
      for (const c of columns) if (!wanted || wanted.has(c.table_name)) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c]);
      for (const name of wanted ?? [])
        if (!tables.has(name)) result.problems.push({ stream: name, message: `Table ${name} was not found in schema ${config.schema}` });
      for (const [name, cols] of tables) {
        const fields = cols.map((c) => ({
          name: c.column_name,
          type: fieldType(c.data_type, c.udt_name),
          nullable: c.is_nullable === "YES",
          sourceType: c.udt_name,
        }));
        const primaryKey = keys.filter((k) => k.table_name === name).map((k) => k.column_name);
        const cursorField = pickCursor(name, fields, primaryKey, config.cursors?.[name]);
        if (cursorField instanceof ConnectorError) {
          result.problems.push({ stream: name, message: cursorField.message });
          continue;
        }
        const sample = (await tableRows(`SELECT * FROM ${table(config.schema, name)} LIMIT ${SAMPLE_SIZE}`)).map(toRecord);
        result.streams.push({ name, fields, primaryKey: primaryKey.length ? primaryKey : null, cursorField, sample });
      }
      return result;
    },

    async *read(stream: SourceStream, state: StreamState, { batchSize, signal }): AsyncGenerator<ReadBatch> {
      const order = [...(stream.cursorField ? [stream.cursorField] : []), ...(stream.primaryKey ?? [])].filter(
        (c, i, all) => all.indexOf(c) === i,
      );
      const orderSql = order.length ? order.map(ident).join(", ") : "1";
      let after = Array.isArray(state?.after) ? (state.after as JsonValue[]) : null;
      let offset = typeof state?.offset === "number" ? state.offset : 0;
      for (;;) {
        signal?.throwIfAborted();
        const values: unknown[] = [];
        let where = "";
        if (order.length && after) {
          values.push(...after);
          where = `WHERE (${orderSql}) > (${after.map((_, i) => `$${i + 1}`).join(", ")})`;
        }
        const paging = order.length ? `LIMIT ${batchSize}` : `LIMIT ${batchSize} OFFSET ${offset}`;
        const rows = await tableRows(`SELECT * FROM ${table(config.schema, stream.name)} ${where} ORDER BY ${orderSql} ${paging}`, values);
        const last = rows.at(-1);
        if (last) after = order.map((c) => last[c] as JsonValue);
        offset += rows.length;
        const done = rows.length < batchSize;
        // A finished full-refresh read starts over next time; an incremental one keeps its cursor.
        const next: StreamState = done && !stream.cursorField ? null : order.length ? { after } : { offset };
        yield { records: rows.map(toRecord), rejects: [], state: next };
        if (done) return;
      }
    },

    async close() {
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}

function pickCursor(
  tableName: string,
  fields: { name: string; type: FieldType; nullable: boolean }[],
  primaryKey: string[],
  configured?: string,
): string | null | ConnectorError {
  if (configured) {
    const field = fields.find((f) => f.name === configured);
    if (!field) return new ConnectorError("config", `Cursor column ${configured} does not exist in ${tableName}`);
    return field.name;
  }
  const named = fields.find(
    (f) => !f.nullable && (f.type === "timestamp" || f.type === "date") && CURSOR_NAMES.includes(f.name.toLowerCase()),
  );
  if (named) return named.name;
  const serial = primaryKey.length === 1 ? fields.find((f) => f.name === primaryKey[0] && f.type === "integer") : undefined;
  return serial?.name ?? null;
}

function fieldType(dataType: string, udt: string): FieldType {
  if (dataType === "ARRAY" || udt === "json" || udt === "jsonb") return "json";
  if (["int2", "int4", "int8"].includes(udt)) return "integer";
  if (["numeric", "float4", "float8", "money"].includes(udt)) return "number";
  if (udt === "bool") return "boolean";
  if (udt === "date") return "date";
  if (udt === "timestamp" || udt === "timestamptz") return "timestamp";
  return "string";
}

/**
 * The driver's settings, every one explicit so that none falls back to the server's own environment
 * (PGHOST, PGPASSWORD, ~/.pgpass): a password given as a function is used as it is. The host is the
 * address the outbound policy checked; TLS certificates are still verified against the name.
 */
async function clientConfig(target: PostgresTarget): Promise<pg.ClientConfig> {
  const checked = await checkedTarget(target.host);
  return {
    host: checked.address,
    port: target.port,
    database: target.database,
    user: target.user,
    password: async () => target.password,
    ssl: sslOptions(target, checked.servername),
    connectionTimeoutMillis: target.connectTimeoutMs,
    query_timeout: 60_000,
    application_name: "autonomos",
    types: typeParsers,
  };
}

/**
 * libpq's modes as node-postgres can honour them: no fallback from TLS to plain text exists, so
 * `prefer` means TLS like `require`; both encrypt without verifying, as libpq does without a root
 * certificate. `verify-ca` checks the chain, `verify-full` also the host name.
 */
function sslOptions(target: PostgresTarget, servername: string | undefined): pg.ClientConfig["ssl"] {
  switch (target.sslmode) {
    case "disable":
    case "allow":
      return false;
    case "prefer":
    case "require":
    case "no-verify":
      return { rejectUnauthorized: false, servername };
    case "verify-ca":
      return { rejectUnauthorized: true, servername, checkServerIdentity: () => undefined };
    case "verify-full":
      return { rejectUnauthorized: true, servername };
  }
}

/** JSON-safe values: big integers stay exact as strings, timestamps become ISO-8601 UTC. */
function toRecord(row: Record<string, unknown>): SourceRecord {
  const record = newRecord();
  for (const [key, value] of Object.entries(row)) record[key] = toJson(value);
  return record;
}

function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value)) {
      // PostgreSQL writes zones as +00 or +05:30; timestamps without a zone are taken as UTC.
      const zoned = /[+-]\d{2}(:?\d{2})?$/.test(value) ? value.replace(/([+-]\d{2})$/, "$1:00") : `${value}Z`;
      const date = new Date(zoned.replace(" ", "T"));
      return Number.isNaN(date.getTime()) ? value : date.toISOString();
    }
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (value instanceof Date) return value.toISOString();
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const table = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

/**
 * While connecting, only a PostgreSQL server's own answers (credentials refused, no such database)
 * are told apart; every other failure is the uniform "could not connect", so probing addresses and
 * ports learns nothing. Once connected, a lost connection is unreachable and SQL errors are the source's.
 */
function toConnectorError(error: unknown, phase: "connect" | "query"): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e = error as { code?: string; message?: string; severity?: string };
  const code = e.code ?? "";
  if (code === "28P01" || code === "28000") return new ConnectorError("auth", "PostgreSQL refused the credentials", { cause: error });
  if (code === "3D000") return new ConnectorError("config", "The database does not exist", { cause: error });
  const lost =
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EPIPE", "57P01", "08006", "08001"].includes(code) ||
    /timeout|terminated|Connection/i.test(e.message ?? "");
  if (phase === "connect" || lost || !e.severity) return unreachable("postgres", error);
  return new ConnectorError("source", `PostgreSQL answered: ${e.message ?? "an error"}`, { cause: error });
}
