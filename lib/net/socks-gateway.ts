import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import net from "node:net";
import { log } from "@/lib/log";
import { checkOutbound, OutboundError } from "./policy";
import { SocketReader } from "./socket-reader";

/**
 * A SOCKS5 server inside the process, on loopback, for drivers that open connections themselves to
 * hosts they learn at run time (MongoDB: replica set members named by the server, SRV targets).
 * Such a driver is pointed at this gateway, and every connection it opens goes to an address the
 * outbound policy checked. Only CONNECT with username/password authentication (RFC 1928, 1929);
 * the credentials are random per process and never leave it.
 */
export type SocksGateway = { host: string; port: number; username: string; password: string };

const HANDSHAKE_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;

const globalForGateway = globalThis as unknown as { aosSocksGateway?: Promise<SocksGateway> };

/** The process's gateway, started on first use. */
export function socksGateway(): Promise<SocksGateway> {
  globalForGateway.aosSocksGateway ??= startGateway().catch((error) => {
    globalForGateway.aosSocksGateway = undefined;
    throw error;
  });
  return globalForGateway.aosSocksGateway;
}

async function startGateway(): Promise<SocksGateway> {
  const username = randomBytes(16).toString("hex");
  const password = randomBytes(32).toString("hex");
  const server = net.createServer((socket) => {
    socket.on("error", () => socket.destroy());
    socket.setTimeout(HANDSHAKE_TIMEOUT_MS, () => socket.destroy());
    serve(socket, username, password).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref();
  return { host: "127.0.0.1", port: (server.address() as net.AddressInfo).port, username, password };
}

const sameSecret = (a: Buffer, b: string) => a.length === Buffer.byteLength(b) && timingSafeEqual(a, Buffer.from(b));
const reply = (code: number) => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);

async function serve(socket: net.Socket, username: string, password: string): Promise<void> {
  const reader = new SocketReader(socket);
  const [version, methodCount] = await reader.read(2);
  const methods = await reader.read(methodCount!);
  if (version !== 5 || !methods.includes(2)) return void socket.end(Buffer.from([5, 0xff]));
  socket.write(Buffer.from([5, 2]));

  const [authVersion, userLength] = await reader.read(2);
  const user = await reader.read(userLength!);
  const [passwordLength] = await reader.read(1);
  const pass = await reader.read(passwordLength!);
  if (authVersion !== 1 || !sameSecret(user, username) || !sameSecret(pass, password)) return void socket.end(Buffer.from([1, 1]));
  socket.write(Buffer.from([1, 0]));

  const [requestVersion, command, , addressType] = await reader.read(4);
  if (requestVersion !== 5 || command !== 1) return void socket.end(reply(7));
  let host: string;
  if (addressType === 1) host = [...(await reader.read(4))].join(".");
  else if (addressType === 3) host = (await reader.read((await reader.read(1))[0]!)).toString("latin1");
  else if (addressType === 4) host = `[${(await reader.read(16)).toString("hex").replace(/(.{4})(?!$)/g, "$1:")}]`;
  else return void socket.end(reply(8));
  const port = (await reader.read(2)).readUInt16BE(0);

  let upstream: net.Socket;
  try {
    const target = await checkOutbound(host);
    upstream = await connect(target.address, port);
  } catch (error) {
    if (!(error instanceof OutboundError))
      log.info("source unreachable", { source: "socks", host, port, code: (error as NodeJS.ErrnoException).code });
    // One reply for every failure: refused by the policy and unreachable look the same.
    return void socket.end(reply(1));
  }
  // The handshake's timeout may have closed the client while the check and connect ran.
  if (socket.destroyed) return void upstream.destroy();
  socket.setTimeout(0);
  socket.write(reply(0));
  const early = reader.detach();
  if (early.length) upstream.write(early);
  upstream.on("error", () => socket.destroy());
  socket.on("close", () => upstream.destroy());
  upstream.on("close", () => socket.destroy());
  socket.pipe(upstream);
  upstream.pipe(socket);
}

function connect(address: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const upstream = net.connect({ host: address, port, noDelay: true });
    upstream.setTimeout(CONNECT_TIMEOUT_MS, () => upstream.destroy(new Error("connect timeout")));
    upstream.once("connect", () => {
      upstream.setTimeout(0);
      resolve(upstream);
    });
    upstream.once("error", reject);
  });
}
