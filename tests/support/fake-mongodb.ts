import net from "node:net";
import type { AddressInfo } from "node:net";
import { Long, ObjectId, type Document } from "mongodb";
import { encodeOpMsg, encodeOpReply, MessageFramer, OP_QUERY, type WireMessage } from "./fake-mongodb-wire";

/**
 * A MongoDB 7.0-speaking server for connector tests: a standalone with no users, serving one set of
 * collections under every database name. It answers the commands the driver sends for connecting,
 * discovering and reading (`hello`/`isMaster`, `ping`, `buildInfo`, `listCollections`, `find`, `getMore`,
 * `killCursors`, `endSessions`) in the server's documented shapes; anything else is CommandNotFound.
 * `find` filters support equality, `$gt`/`$gte`/`$lt`/`$lte`, `$type` and a top-level `$or`; others are BadValue.
 *
 * Its `hello` carries no `topologyVersion`, so the driver monitors by polling rather than with
 * streaming (exhaust) `hello`s, which the fake does not implement.
 */
export async function startFakeMongo(
  collections: Record<string, Document[]>,
  options: { dropAfterGetMores?: number; views?: string[] } = {},
) {
  const fake = new FakeMongo(collections, options);
  await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
  return fake;
}

export type { FakeMongo };
export type ReceivedCommand = { name: string; db: string; command: Document };

type Cursor = { ns: string; remaining: Document[] };

class FakeMongo {
  readonly server = net.createServer((socket) => this.serve(socket));
  /** Every command received, in order. */
  readonly commands: ReceivedCommand[] = [];
  /** Change freely between calls: the next command sees the new contents. */
  readonly collections: Record<string, Document[]>;
  /** Listed as views (not collections) by listCollections. */
  readonly views: Set<string>;
  /** `find` on these answers Unauthorized, as for a user without read access to them. */
  readonly unreadable = new Set<string>();
  /** When a number n: n more getMores are answered, then the socket of the next one is destroyed unanswered (once). */
  dropAfterGetMores: number | null;
  /** When set, `hello` answers as the primary of replica set "rs0" whose other members are these `host:port`s. */
  otherMembers: string[] | null = null;
  private readonly cursors = new Map<number, Cursor>();
  private readonly sockets = new Set<net.Socket>();
  private nextCursorId = 1;

  constructor(collections: Record<string, Document[]>, options: { dropAfterGetMores?: number; views?: string[] }) {
    this.collections = collections;
    this.views = new Set(options.views);
    this.dropAfterGetMores = options.dropAfterGetMores ?? null;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  count(name: string): number {
    return this.commands.filter((c) => c.name === name).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {}); // clients reset connections; nothing to report
    const framer = new MessageFramer();
    socket.on("data", (chunk: Buffer) => {
      let messages: WireMessage[];
      try {
        messages = framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) {
        const name = Object.keys(message.command)[0] ?? "";
        this.commands.push({ name, db: message.db, command: message.command });
        if (name === "getMore" && this.shouldDrop()) {
          socket.destroy();
          return;
        }
        const reply = this.run(name, message.command, message.db);
        if (message.moreToCome) continue;
        socket.write(message.opCode === OP_QUERY ? encodeOpReply(message.requestId, reply) : encodeOpMsg(message.requestId, reply));
      }
    });
  }

  private shouldDrop(): boolean {
    if (this.dropAfterGetMores === null) return false;
    if (this.dropAfterGetMores > 0) {
      this.dropAfterGetMores--;
      return false;
    }
    this.dropAfterGetMores = null;
    return true;
  }

  private run(name: string, command: Document, db: string): Document {
    try {
      return { ...this.answer(name, command, db), ok: 1 };
    } catch (error) {
      // A fault in the fake itself answers like a server fault, so the test fails instead of the process.
      const { code, codeName } = error instanceof CommandError ? error : { code: 1, codeName: "InternalError" };
      return { ok: 0, errmsg: (error as Error).message, code, codeName };
    }
  }

  private answer(name: string, command: Document, db: string): Document {
    switch (name) {
      case "hello":
      case "isMaster":
      case "ismaster":
        return { ...hello(name === "hello"), ...this.replicaSetFields() };
      case "ping":
      case "endSessions":
        return {};
      case "buildInfo":
        return { version: "7.0.0", versionArray: [7, 0, 0, 0], bits: 64, maxBsonObjectSize: 16 * 1024 * 1024 };
      case "saslStart":
      case "authenticate":
        throw new CommandError(18, "AuthenticationFailed", "Authentication failed.");
      case "listCollections": {
        const names = [...Object.keys(this.collections), ...this.views];
        const infos = names.map((n) => ({
          name: n,
          type: this.views.has(n) ? "view" : "collection",
          options: {},
          info: { readOnly: this.views.has(n) },
        }));
        return this.openCursor(
          `${db}.$cmd.listCollections`,
          infos.filter((i) => matches(i, command.filter ?? {})),
          Infinity,
        );
      }
      case "find":
        return this.find(command, db);
      case "getMore": {
        const id = Number(command.getMore);
        const cursor = this.cursors.get(id);
        if (!cursor) throw new CommandError(43, "CursorNotFound", `cursor id ${id} not found`);
        return {
          cursor: {
            nextBatch: this.take(id, cursor, command.batchSize ?? Infinity),
            id: Long.fromNumber(this.cursors.has(id) ? id : 0),
            ns: cursor.ns,
          },
        };
      }
      case "killCursors": {
        const ids: number[] = (command.cursors ?? []).map(Number);
        for (const id of ids) this.cursors.delete(id);
        return { cursorsKilled: ids.map((id) => Long.fromNumber(id)), cursorsNotFound: [], cursorsAlive: [], cursorsUnknown: [] };
      }
      default:
        throw new CommandError(59, "CommandNotFound", `no such command: '${name}'`);
    }
  }

  private replicaSetFields(): Document {
    if (!this.otherMembers) return {};
    const me = `127.0.0.1:${this.port}`;
    return { setName: "rs0", setVersion: 1, me, primary: me, hosts: [me, ...this.otherMembers], secondary: false };
  }

  private find(command: Document, db: string): Document {
    const name = String(command.find);
    if (this.unreadable.has(name))
      throw new CommandError(13, "Unauthorized", `not authorized on ${db} to execute command { find: "${name}" }`);
    let documents = (this.collections[name] ?? []).filter((d) => matches(d, command.filter ?? {}));
    if (command.sort) documents = sortBy(documents, command.sort);
    if (command.skip) documents = documents.slice(command.skip);
    if (command.limit) documents = documents.slice(0, Math.abs(command.limit));
    const firstBatchSize = command.singleBatch ? Infinity : (command.batchSize ?? 101);
    return this.openCursor(`${db}.${name}`, documents, firstBatchSize);
  }

  /** A cursor answer in the shape `find`, `listCollections` and `aggregate` share; id 0 means exhausted. */
  private openCursor(ns: string, documents: Document[], firstBatchSize: number): Document {
    const id = this.nextCursorId++;
    const cursor = { ns, remaining: documents };
    this.cursors.set(id, cursor);
    const firstBatch = this.take(id, cursor, firstBatchSize);
    return { cursor: { firstBatch, id: Long.fromNumber(this.cursors.has(id) ? id : 0), ns } };
  }

  private take(id: number, cursor: Cursor, size: number): Document[] {
    const batch = cursor.remaining.slice(0, size > 0 ? size : Infinity);
    cursor.remaining = cursor.remaining.slice(batch.length);
    if (cursor.remaining.length === 0) this.cursors.delete(id);
    return batch;
  }
}

function hello(modern: boolean): Document {
  return {
    ...(modern ? { isWritablePrimary: true } : { ismaster: true }),
    helloOk: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: 1,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
  };
}

class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  $eq: (o) => o === 0,
  $gt: (o) => o > 0,
  $gte: (o) => o >= 0,
  $lt: (o) => o < 0,
  $lte: (o) => o <= 0,
};

/** `$type` aliases by the fake's type ranks. */
const ALIAS_RANKS: Record<string, number> = {
  null: 1,
  double: 2,
  int: 2,
  long: 2,
  decimal: 2,
  string: 3,
  symbol: 3,
  objectId: 7,
  bool: 8,
  date: 9,
};

/** Comparison operators only match values of the same type family (MongoDB's type bracketing). */
function matches(document: Document, filter: Document): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === "$or") return (condition as Document[]).some((clause) => matches(document, clause));
    if (field.startsWith("$")) throw new CommandError(2, "BadValue", `the fake does not support ${field}`);
    const value = document[field];
    const operators = isOperatorObject(condition) ? Object.entries(condition) : [["$eq", condition]];
    return operators.every(([operator, operand]) => {
      if (operator === "$type") return value !== undefined && [operand].flat().some((alias) => ALIAS_RANKS[alias] === typeRank(value));
      const test = COMPARISONS[operator];
      if (!test) throw new CommandError(2, "BadValue", `the fake does not support ${operator}`);
      return typeRank(value) === typeRank(operand) && test(compareValues(value, operand));
    });
  });
}

function isOperatorObject(value: unknown): value is Document {
  return (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).some((k) => k.startsWith("$"))
  );
}

function sortBy(documents: Document[], sort: Document): Document[] {
  const keys = Object.entries(sort) as [string, number][];
  return [...documents].sort((a, b) => {
    for (const [field, direction] of keys) {
      const order = compareValues(a[field], b[field]);
      if (order !== 0) return order * Math.sign(direction);
    }
    return 0;
  });
}

/** MongoDB's sort order across types: null < numbers < strings < ... < ObjectId < booleans < dates. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === "number" || value instanceof Long) return 2;
  if (typeof value === "string") return 3;
  if (value instanceof ObjectId) return 7;
  if (typeof value === "boolean") return 8;
  if (value instanceof Date) return 9;
  throw new CommandError(2, "BadValue", `the fake cannot compare ${Object.prototype.toString.call(value)}`);
}

function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === "string") return Buffer.compare(Buffer.from(a), Buffer.from(b as string)); // binary (UTF-8) order
  if (a instanceof ObjectId) return Buffer.compare(Buffer.from(a.id), Buffer.from((b as ObjectId).id));
  if (a === null || a === undefined) return 0;
  return Math.sign(toNumber(a) - toNumber(b));
}

function toNumber(value: unknown): number {
  return value instanceof Long ? value.toNumber() : Number(value);
}
