import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import type { Socket } from "node:net";
import { SocketReader } from "@/lib/net/socket-reader";

/**
 * The startup phase of the embedded database's port: the client must prove it knows the data
 * folder's password with SCRAM-SHA-256 (RFC 5802/7677, as PostgreSQL does it) before PGlite sees a
 * byte of it. The password never crosses the wire; a wrong or missing one gets PostgreSQL's own
 * 28P01 error and the connection is closed.
 */
export type ScramVerifier = { salt: Buffer; iterations: number; storedKey: Buffer; serverKey: Buffer };

const ITERATIONS = 4096;
const STARTUP_TIMEOUT_MS = 10_000;
const MAX_STARTUP_BYTES = 10_000;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

/** Derived once per server start, so each login costs a few HMACs, not a key derivation. */
export function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return { salt, iterations: ITERATIONS, storedKey: sha256(hmac(salted, "Client Key")), serverKey: hmac(salted, "Server Key") };
}

/**
 * Runs the startup phase on a new connection. Resolves with the client's StartupMessage, to be
 * replayed to the session handler once the password is proven, or null when the client failed or
 * left (the socket is then closed).
 */
export async function authenticate(socket: Socket, verifier: ScramVerifier): Promise<Buffer | null> {
  const reader = new SocketReader(socket);
  const timer = setTimeout(() => socket.destroy(), STARTUP_TIMEOUT_MS);
  try {
    const startup = await readStartup(socket, reader);
    if (!startup) return null;
    const user = startupParameter(startup, "user") ?? "";
    if (await scram(socket, reader, verifier)) {
      const early = reader.detach();
      return early.length ? Buffer.concat([startup, early]) : startup;
    }
    socket.end(errorResponse("28P01", `password authentication failed for user "${user.slice(0, 63)}"`));
    return null;
  } catch {
    socket.destroy();
    return null;
  } finally {
    clearTimeout(timer);
    reader.detach();
  }
}

/** Answers SSL and GSS encryption requests with "N" (loopback, plain); drops cancel requests. */
async function readStartup(socket: Socket, reader: SocketReader): Promise<Buffer | null> {
  for (;;) {
    const head = await reader.read(8);
    const length = head.readInt32BE(0);
    const code = head.readInt32BE(4);
    if (length < 8 || length > MAX_STARTUP_BYTES) break;
    const body = await reader.read(length - 8);
    if ((code === SSL_REQUEST || code === GSSENC_REQUEST) && length === 8) {
      socket.write("N");
      continue;
    }
    if (code >>> 16 === 3) return Buffer.concat([head, body]);
    break; // a cancel request (PGlite has no backend to signal) or garbage
  }
  socket.destroy();
  return null;
}

function startupParameter(startup: Buffer, name: string): string | undefined {
  const fields = startup.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

async function scram(socket: Socket, reader: SocketReader, verifier: ScramVerifier): Promise<boolean> {
  socket.write(authMessage(10, Buffer.from("SCRAM-SHA-256\0\0")));
  const first = await readPasswordMessage(reader);
  const mechanismEnd = first.indexOf(0);
  if (mechanismEnd < 0 || first.subarray(0, mechanismEnd).toString() !== "SCRAM-SHA-256") return false;
  const clientFirst = first.subarray(mechanismEnd + 5).toString("utf8");
  const gs2 = /^([ny]),,/.exec(clientFirst); // `p=`: channel binding, which a plain loopback socket cannot offer
  if (!gs2) return false;
  const clientFirstBare = clientFirst.slice(gs2[0].length);
  const clientNonce = /(?:^|,)r=([^,]+)/.exec(clientFirstBare)?.[1];
  if (!clientNonce) return false;

  const nonce = clientNonce + randomBytes(18).toString("base64");
  const serverFirst = `r=${nonce},s=${verifier.salt.toString("base64")},i=${verifier.iterations}`;
  socket.write(authMessage(11, Buffer.from(serverFirst)));

  const clientFinal = (await readPasswordMessage(reader)).toString("utf8");
  const proofAt = clientFinal.lastIndexOf(",p=");
  if (proofAt < 0) return false;
  const withoutProof = clientFinal.slice(0, proofAt);
  const binding = Buffer.from(gs2[0]).toString("base64");
  if (!withoutProof.startsWith(`c=${binding},`) || /(?:^|,)r=([^,]+)/.exec(withoutProof)?.[1] !== nonce) return false;
  const proof = Buffer.from(clientFinal.slice(proofAt + 3), "base64");
  const authText = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(verifier.storedKey, authText);
  if (proof.length !== signature.length) return false;
  const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
  if (!timingSafeEqual(sha256(clientKey), verifier.storedKey)) return false;

  socket.write(authMessage(12, Buffer.from(`v=${hmac(verifier.serverKey, authText).toString("base64")}`)));
  return true;
}

/** A PasswordMessage ('p'), which carries SASLInitialResponse and SASLResponse. */
async function readPasswordMessage(reader: SocketReader): Promise<Buffer> {
  const head = await reader.read(5);
  const length = head.readInt32BE(1);
  if (head[0] !== 0x70 || length < 4 || length > MAX_STARTUP_BYTES) throw new Error("not a password message");
  return reader.read(length - 4);
}

function authMessage(kind: number, data: Buffer): Buffer {
  const out = Buffer.alloc(9 + data.length);
  out.write("R", 0);
  out.writeInt32BE(8 + data.length, 1);
  out.writeInt32BE(kind, 5);
  data.copy(out, 9);
  return out;
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const out = Buffer.alloc(5 + fields.length);
  out.write("E", 0);
  out.writeInt32BE(4 + fields.length, 1);
  fields.copy(out, 5);
  return out;
}
