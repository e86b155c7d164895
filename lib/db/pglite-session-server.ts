import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { authenticate, scramVerifier, type ScramVerifier } from "@/lib/db/pglite-auth";

/**
 * Serves one PGlite over the PostgreSQL wire protocol to other processes, one *session* at a time.
 *
 * The stock PGLiteSocketServer queues single wire messages, so an extended-protocol batch
 * (Parse/Bind/Execute/Sync) from one connection can interleave with another's open transaction and
 * read wrong results (measured: 2,100 of 2,400 parameterized queries answered wrongly while another
 * connection held a transaction). Here a connection takes the session on its first message and keeps
 * it until the backend is idle again (after Sync or a simple Query, outside BEGIN..COMMIT). While it
 * holds the session it also holds PGlite's transaction mutex, so the owning process's own queries and
 * transactions (pglite-prisma-adapter) never run inside a socket client's transaction, nor the reverse.
 * The connection handler (framing, SSL and cancel requests) is the package's own; before it sees a
 * connection, the client proves the password with SCRAM-SHA-256 (./pglite-auth.ts).
 */
type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData?: (data: Uint8Array) => void;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
};

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const ROLLBACK = simpleQuery("ROLLBACK");

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

type PGliteInternals = PGlite & { _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> };

class SessionQueue {
  private queue: Pending[] = [];
  private holder: number | null = null;
  private releaseTransactionMutex: (() => void) | null = null;
  private processing = false;

  constructor(private readonly db: PGliteInternals) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      this.kick();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A client vanished mid-session: finish its half-sent batch, roll back its transaction, release. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.holder !== handlerId) return;
    await this.exec(SYNC);
    if (this.db.isInTransaction()) await this.exec(ROLLBACK);
    this.release();
    this.kick();
  }

  private kick() {
    if (!this.processing) void this.process();
  }

  private async acquire(handlerId: number) {
    this.releaseTransactionMutex = await new Promise<() => void>((granted) => {
      void this.db._runExclusiveTransaction(() => new Promise<void>((release) => granted(() => release())));
    });
    this.holder = handlerId;
  }

  private release() {
    const release = this.releaseTransactionMutex;
    this.holder = null;
    this.releaseTransactionMutex = null;
    release?.();
  }

  private async exec(message: Uint8Array, onData?: (data: Uint8Array) => void): Promise<number> {
    let bytes = 0;
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data) => {
          bytes += data.length;
          onData?.(data);
        },
      }),
    );
    return bytes;
  }

  private async process() {
    this.processing = true;
    try {
      while (this.queue.length) {
        const index = this.holder === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.holder);
        if (index === -1) break; // the session holder has nothing queued yet: others wait for it
        const [item] = this.queue.splice(index, 1);
        if (this.holder === null) await this.acquire(item.handlerId);
        let bytes: number;
        try {
          bytes = await this.exec(item.message, item.onData);
        } catch (error) {
          item.reject(error);
          continue;
        }
        const type = item.message[0]; // 0 = startup packet
        const endOfUnit = type === 0x53 /* Sync */ || type === 0x51 /* Query */ || type === 0x00 || type === 0x58 /* Terminate */;
        if (endOfUnit && !this.db.isInTransaction()) this.release();
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

export class PGliteSessionServer {
  private server: Server | null = null;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  /** Connections still proving the password. */
  private readonly starting = new Set<Socket>();
  private readonly queue: SessionQueue;
  private readonly verifier: ScramVerifier;
  port = 0;

  constructor(private readonly options: { db: PGlite; password: string; host?: string; maxConnections?: number }) {
    this.queue = new SessionQueue(options.db as PGliteInternals);
    this.verifier = scramVerifier(options.password);
  }

  async start(): Promise<number> {
    await this.options.db.waitReady;
    const server = createServer((socket) => {
      if (this.handlers.size + this.starting.size >= (this.options.maxConnections ?? 64)) {
        socket.destroy();
        return;
      }
      void this.admit(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, this.options.host ?? "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** Only a client that proved the password reaches PGlite; its startup message is replayed to the handler. */
  private async admit(socket: Socket) {
    this.starting.add(socket);
    socket.on("error", () => socket.destroy());
    const startup = await authenticate(socket, this.verifier);
    this.starting.delete(socket);
    if (!startup || !this.server || socket.destroyed) return socket.destroy();
    const handler = new PGLiteSocketHandler({ queryQueue: this.queue as never, closeOnDetach: true });
    this.handlers.add(handler);
    handler.addEventListener("close", () => this.handlers.delete(handler));
    handler.addEventListener("error", () => this.handlers.delete(handler));
    await handler.attach(socket);
    socket.emit("data", startup);
  }

  /** Detaching each handler rolls back its open transaction and releases the session. */
  async stop(): Promise<void> {
    for (const socket of this.starting) socket.destroy();
    await Promise.all([...this.handlers].map((h) => h.detach(true)));
    this.handlers.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
