import { randomBytes } from "node:crypto";
import { chmod, link, lstat, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGliteSessionServer } from "@/lib/db/pglite-session-server";

/**
 * The embedded database: PGlite in `<dataDir>/pglite`, opened by exactly one process (the owner),
 * which uses it directly and serves it to other processes on a loopback port (PGliteSessionServer),
 * where they connect like to any PostgreSQL. Sessions from the port and the owner's own transactions
 * are serialized, so no process's statements run inside another's transaction.
 *
 * Ownership is a lock file created with O_EXCL. An app server owns for its lifetime and refuses to
 * start beside another app server; a CLI joins a running owner, or owns briefly when none runs.
 * A lock left by a dead process is taken over.
 *
 * The port is on loopback, where every local process and every outbound connection the server makes
 * could reach it, so it requires a password: random, made once per data folder, kept beside the lock
 * in a file only the owner may read (pglite.secret, mode 0600). Only this project's own processes read it.
 */
export type ProcessKind = "server" | "cli";
type LockInfo = { pid: number; kind: ProcessKind; port?: number };

export class EmbeddedDatabaseBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDatabaseBusyError";
  }
}

export type EmbeddedHandle =
  | { role: "owner"; pglite: PGlite; close(): Promise<void> }
  | { role: "guest"; url: string; close(): Promise<void> };

/** Runs on the owner before other processes can connect (migrations). */
type Prepare = (pglite: PGlite) => Promise<void>;

const WAIT_FOR_OWNER_MS = 60_000;

export async function openEmbedded(dataDir: string, kind: ProcessKind, prepare: Prepare): Promise<EmbeddedHandle> {
  await mkdir(dataDir, { recursive: true });
  const password = await embeddedPassword(dataDir);
  const lockPath = path.join(dataDir, "pglite.lock");
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  for (;;) {
    const mine: LockInfo = { pid: process.pid, kind };
    const created = await writeFile(lockPath, JSON.stringify(mine), { flag: "wx" }).then(
      () => true,
      (e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? false : Promise.reject(e)),
    );
    if (created) return becomeOwner(dataDir, lockPath, mine, password, prepare);

    const owner = await readLock(lockPath);
    if (owner && !isAlive(owner.pid)) {
      await removeStaleLock(lockPath, owner);
      continue;
    }
    if (owner?.port && kind === "cli" && (await canConnect(owner.port))) {
      return { url: urlFor(owner.port, password), role: "guest", close: async () => {} };
    }
    if (owner?.kind === "server" && owner.port && kind === "server") {
      throw new EmbeddedDatabaseBusyError(
        `Another AutonomOS server (pid ${owner.pid}) is using the embedded database in ${dataDir}. ` +
          `Stop it, point AOS_DATA_DIR elsewhere, or set DATABASE_URL to share a PostgreSQL server.`,
      );
    }
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseBusyError(
        `The embedded database in ${dataDir} is held by pid ${owner?.pid ?? "?"}, which does not answer.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function becomeOwner(dataDir: string, lockPath: string, mine: LockInfo, password: string, prepare: Prepare): Promise<EmbeddedHandle> {
  const releaseLock = () => {
    try {
      unlinkSync(lockPath);
    } catch {}
  };
  process.once("exit", releaseLock);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { vector } });
    await prepare(db);
    const server = new PGliteSessionServer({ db, password, host: "127.0.0.1", maxConnections: 64 });
    const port = await server.start();
    await writeFile(lockPath, JSON.stringify({ ...mine, port }));
    const pglite = db;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await server.stop();
        await pglite.close();
        releaseLock();
        process.off("exit", releaseLock);
      })());
    return { role: "owner", pglite, close };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

/**
 * Two processes can find the same dead owner at once; a blind unlink by the slower one would delete
 * the lock the faster one just took. So the lock is moved aside atomically and, if what was moved
 * is not the dead owner's, put back.
 */
async function removeStaleLock(lockPath: string, stale: LockInfo): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${Date.now()}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readLock(aside);
  if (moved && moved.pid !== stale.pid) await link(aside, lockPath).catch(() => {});
  await unlink(aside).catch(() => {});
}

function urlFor(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * The data folder's password for the port, created on first use: written to a private temporary file
 * and linked into place, so a process racing to create it either wins or reads the complete winner.
 * A file that is not a regular file is refused; one readable by others is made private again.
 */
async function embeddedPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "pglite.secret");
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  await writeFile(temporary, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  try {
    await link(temporary, file).catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? undefined : Promise.reject(e)));
  } finally {
    await unlink(temporary).catch(() => {});
  }
  const info = await lstat(file);
  if (!info.isFile()) throw new Error(`${file} is not a regular file; remove it so a new password is made`);
  if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
  const password = (await readFile(file, "utf8")).trim();
  if (password.length < 32) throw new Error(`${file} holds no usable password; remove it so a new one is made`);
  return password;
}

async function readLock(lockPath: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined; // being written or just removed: the caller retries
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
