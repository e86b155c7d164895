import "server-only";
import {
  Binary,
  BSON,
  Decimal128,
  Long,
  MongoClient,
  MongoInvalidArgumentError,
  MongoMissingCredentialsError,
  MongoNetworkError,
  MongoParseError,
  MongoServerError,
  MongoServerSelectionError,
  ObjectId,
  type Db,
  type Document,
} from "mongodb";
import { z } from "zod";
import { socksGateway } from "@/lib/net/socks-gateway";
import { flattenRecord } from "./flatten";
import { inferFields } from "./infer";
import { mongoUrlProblem } from "./mongodb-url";
import { exactNumber } from "./numbers";
import { unreachable } from "./outbound";
import {
  ConnectorError,
  SAMPLE_SIZE,
  type Connector,
  type DiscoveryProblem,
  type JsonValue,
  type ReadBatch,
  type ReadOptions,
  type SourceRecord,
  type SourceStream,
  type StreamState,
} from "./types";

export const MongoConfig = z.object({
  /** Checked against the options a tenant may set (./mongodb-url.ts). */
  url: z.string().superRefine((url, c) => {
    const problem = mongoUrlProblem(url);
    if (problem) c.addIssue({ code: "custom", message: problem });
  }),
  /** MongoDB's own rule for database names: no `/\. "$*<>:|?`, under 64 bytes. */
  database: z.string().regex(/^[^/\\. "$*<>:|?]{1,63}$/, "Not a valid MongoDB database name"),
  /** Only these collections; all of the database's collections when absent or empty (so an update can go back to all). */
  collections: z
    .array(z.string().min(1))
    .transform((c) => (c.length ? c : undefined))
    .optional(),
  sampleSize: z.number().int().min(1).max(SAMPLE_SIZE).default(SAMPLE_SIZE),
});
export type MongoConfig = z.infer<typeof MongoConfig>;

/**
 * Timeouts short enough that a "test connection" button answers while the person is still looking.
 * The BSON options are the ones `toJson` converts (numbers, Long, Binary); they win over the URL's.
 */
const CLIENT_OPTIONS = {
  serverSelectionTimeoutMS: 5_000,
  // One sequential reader: a URL must not size the server's pool (each connection is two sockets through the gateway).
  minPoolSize: 0,
  maxPoolSize: 2,
  maxConnecting: 1,
  connectTimeoutMS: 5_000,
  appName: "AutonomOS",
  useBigInt64: false,
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
} as const;

/**
 * Reads collections incrementally by `_id`: documents are appended with growing ids (ObjectIds
 * grow with time), so `_id > last` is the cursor. Changes to existing documents are not re-read.
 *
 * The driver opens its connections through the process's SOCKS gateway (lib/net/socks-gateway.ts),
 * so the URL's hosts, SRV targets and replica set members the server names are all checked by the
 * outbound policy before a byte is sent to them.
 */
export function createMongoConnector(config: MongoConfig): Connector {
  let client: MongoClient | null = null;

  /** The client is made on first use so that a bad URL surfaces as a ConnectorError from the call. */
  async function database(): Promise<Db> {
    if (!client) {
      const problem = mongoUrlProblem(config.url);
      if (problem) throw new ConnectorError("config", `The MongoDB URL ${problem}.`);
      const gateway = await socksGateway();
      client = new MongoClient(config.url, {
        ...CLIENT_OPTIONS,
        proxyHost: gateway.host,
        proxyPort: gateway.port,
        proxyUsername: gateway.username,
        proxyPassword: gateway.password,
      });
    }
    return client.db(config.database);
  }

  async function guard<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toConnectorError(error);
    }
  }

  async function sampleStream(db: Db, name: string): Promise<SourceStream> {
    const documents = await db.collection(name).find({}, { limit: config.sampleSize, batchSize: config.sampleSize }).toArray();
    const sample = documents.map(toRecord);
    return { name, fields: inferFields(sample), primaryKey: ["_id"], cursorField: "_id", sample };
  }

  return {
    async check() {
      await guard(async () => (await database()).command({ ping: 1 }));
    },

    async discover() {
      const db = await guard(database);
      const listed = await guard(() => db.listCollections({}, { nameOnly: true, authorizedCollections: true }).toArray());
      const types = new Map(listed.map((c) => [c.name, c.type]));
      const readable = listed.filter((c) => c.type !== "view" && !c.name.startsWith("system.")).map((c) => c.name);
      const streams: SourceStream[] = [];
      const problems: DiscoveryProblem[] = [];
      for (const name of config.collections ?? readable.sort()) {
        if (!readable.includes(name)) {
          const message =
            types.get(name) === "view" ? "This is a view; only collections are read." : "No collection with this name in the database.";
          problems.push({ stream: name, message });
          continue;
        }
        try {
          streams.push(await guard(() => sampleStream(db, name)));
        } catch (error) {
          // A lost server fails the whole discovery; anything else fails only this collection.
          if (!(error instanceof ConnectorError) || error.kind === "unreachable") throw error;
          problems.push({ stream: name, message: error.message });
        }
      }
      return { streams, problems };
    },

    async *read(stream: SourceStream, state: StreamState, { batchSize, signal }: ReadOptions): AsyncGenerator<ReadBatch> {
      signal?.throwIfAborted();
      const filter = state?.lastId == null ? {} : idsAfter(decodeId(state.lastId));
      const cursor = await guard(
        async () => (await database()).collection(stream.name).find(filter, { sort: { _id: 1 }, batchSize, signal }),
        signal,
      );
      try {
        let records: SourceRecord[] = [];
        let lastId: unknown;
        for (;;) {
          const document = await guard(() => cursor.next(), signal);
          if (document === null) break;
          records.push(toRecord(document));
          lastId = document._id;
          if (records.length === batchSize) {
            yield { records, rejects: [], state: { lastId: encodeId(lastId) } };
            records = [];
          }
        }
        if (records.length > 0) yield { records, rejects: [], state: { lastId: encodeId(lastId) } };
      } finally {
        await cursor.close().catch(() => {});
      }
    },

    async close() {
      await client?.close();
      client = null;
    },
  };
}

/** One document as a flat record: nested documents become dotted paths, arrays stay whole. */
function toRecord(document: Document): SourceRecord {
  return flattenRecord(toJson(document) as { [key: string]: JsonValue });
}

/**
 * BSON to JSON-safe values: ObjectId as hex, dates as ISO text, Decimal128 and Int64 as numbers
 * when that loses nothing (else their exact text), binary as base64, other BSON types as text.
 */
function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  // A BSON date outside JavaScript's range arrives as an invalid Date; it has no ISO form.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Decimal128) return exactNumber(value.toString());
  if (value instanceof Long) return Number.isSafeInteger(value.toNumber()) ? value.toNumber() : value.toString();
  if (value instanceof Binary) return value.toString("base64");
  if (value instanceof BSON.BSONValue) return BSON.EJSON.stringify(value, { relaxed: true });
  if (value instanceof RegExp) return String(value);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJson(child)]));
  return String(value);
}

/**
 * `_id` as kept in stream state, so that its BSON type survives the round trip: strings and
 * finite numbers as themselves, anything else (ObjectId, Int64, dates, documents) as canonical Extended JSON.
 */
function encodeId(id: unknown): JsonValue {
  if (typeof id === "string" || (typeof id === "number" && Number.isFinite(id))) return id;
  return BSON.EJSON.serialize(id, { relaxed: false }) as JsonValue;
}

function decodeId(value: JsonValue): unknown {
  if (value === null || typeof value !== "object") return value;
  try {
    return BSON.EJSON.deserialize(value as Document, { relaxed: false });
  } catch (error) {
    throw new ConnectorError("source", "The saved read position is not a MongoDB _id; start the sync from the beginning.", {
      cause: error,
    });
  }
}

/** BSON type aliases in MongoDB's sort order, grouped as comparison operators see them. */
const TYPE_GROUPS = [
  ["minKey"],
  ["null"],
  ["double", "int", "long", "decimal"],
  ["symbol", "string"],
  ["object"],
  ["binData"],
  ["objectId"],
  ["bool"],
  ["date"],
  ["timestamp"],
  ["maxKey"],
];
const BSON_ALIASES: Record<string, string> = {
  Int32: "int",
  Double: "double",
  Long: "long",
  Decimal128: "decimal",
  BSONSymbol: "symbol",
  Binary: "binData",
  ObjectId: "objectId",
  Timestamp: "timestamp",
  MinKey: "minKey",
  MaxKey: "maxKey",
  DBRef: "object",
};

/**
 * The documents after `id` in `_id` order. `$gt` only matches ids in the same type group as `id`, so
 * ids of the groups sorted later (strings after numbers, ObjectIds after strings) are added by `$type`.
 */
function idsAfter(id: unknown): Document {
  const group = TYPE_GROUPS.findIndex((aliases) => aliases.includes(typeAliasOf(id)));
  const later = group < 0 ? [] : TYPE_GROUPS.slice(group + 1).flat();
  return later.length === 0 ? { _id: { $gt: id } } : { $or: [{ _id: { $gt: id } }, { _id: { $type: later } }] };
}

function typeAliasOf(id: unknown): string {
  if (id === null) return "null";
  if (typeof id === "number") return "double";
  if (typeof id === "string") return "string";
  if (typeof id === "boolean") return "bool";
  if (id instanceof Date) return "date";
  if (id instanceof BSON.BSONValue) return BSON_ALIASES[id._bsontype] ?? "";
  return "object";
}

/** AuthenticationFailed, Unauthorized. */
const AUTH_CODES = new Set([18, 13]);
const NETWORK_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Driver errors to messages fit for the person setting up the source; the driver's own error stays
 * in `cause`, for the log. Every failure to reach a server is the one uniform answer (./outbound.ts).
 */
function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const options = { cause: error };
  if (error instanceof MongoParseError || error instanceof MongoInvalidArgumentError || error instanceof MongoMissingCredentialsError) {
    return new ConnectorError("config", "The MongoDB URL or database name is not valid.", options);
  }
  if (error instanceof MongoServerError && AUTH_CODES.has(Number(error.code))) {
    return error.code === 18
      ? new ConnectorError("auth", "MongoDB rejected the username or password.", options)
      : new ConnectorError("auth", `The MongoDB user is not allowed to do this (${error.codeName ?? "Unauthorized"}).`, options);
  }
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    NETWORK_CODES.has(String((error as { code?: unknown })?.code))
  ) {
    return unreachable("mongodb", error);
  }
  if (error instanceof MongoServerError)
    return new ConnectorError("source", `MongoDB refused the request (${error.codeName ?? error.code}).`, options);
  return new ConnectorError("source", "MongoDB failed unexpectedly.", options);
}
