import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { TenantScope } from "@/lib/auth/context";
import { publishTenantEvent } from "@/lib/events/publish";
import { EVENTS_SOCKET_PATH, serveEventSockets } from "@/lib/events/websocket";
import { createAccount, sessionCookie, type TestAccount } from "../support/accounts";
import { scopedDb } from "../support/db";

/*
 * The tenant event stream over WebSocket, served on a real HTTP server as server.ts serves it:
 * bearer or same-site session, each tenant its own events in order, resume by id, refusals.
 */

let server: Server;
let base: string;
let passedOn = 0;

type Client = { ws: WebSocket; next(): Promise<any>; close(): void };

function connect(query: string, headers: Record<string, string>): Promise<Client> {
  const ws = new WebSocket(`${base}${EVENTS_SOCKET_PATH}${query}`, { headers });
  const queued: any[] = [];
  const waiting: ((m: any) => void)[] = [];
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    const wake = waiting.shift();
    if (wake) wake(message);
    else queued.push(message);
  });
  return new Promise((resolve, reject) => {
    ws.once("open", () =>
      resolve({
        ws,
        next: () => (queued.length ? Promise.resolve(queued.shift()) : new Promise((r) => waiting.push(r))),
        close: () => ws.close(),
      }),
    );
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c) => (body += c)).on("end", () => reject(Object.assign(new Error(body), { status: res.statusCode })));
    });
    ws.once("error", reject);
  });
}

const bearer = (account: TestAccount) => ({ authorization: `Bearer ${account.token}` });

describe("tenant events over WebSocket", () => {
  let a: TestAccount;
  let b: TestAccount;
  let scopeA: TenantScope;
  let scopeB: TenantScope;

  beforeAll(async () => {
    [a, b] = await Promise.all([createAccount({ label: "socket-a" }), createAccount({ label: "socket-b" })]);
    scopeA = { tenantId: a.tenantId, db: await scopedDb(a.tenantId) };
    scopeB = { tenantId: b.tenantId, db: await scopedDb(b.tenantId) };
    server = createServer((_req, res) => res.end("http"));
    serveEventSockets(server, (_req, socket) => {
      passedOn++;
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("sends each tenant exactly its own events, in order, and resumes from an event id", async () => {
    const socketA = await connect("", bearer(a));
    const socketB = await connect("", bearer(b));
    expect(await socketA.next()).toMatchObject({ type: "ready" });
    expect(await socketB.next()).toMatchObject({ type: "ready" });
    for (let n = 1; n <= 3; n++) await publishTenantEvent(scopeA, "task.updated", { n });
    await publishTenantEvent(scopeB, "task.updated", { n: "b" });
    const got = [await socketA.next(), await socketA.next(), await socketA.next()];
    expect(got.map((m) => m.data.n)).toEqual([1, 2, 3]);
    expect(got.every((m) => m.type === "task.updated" && /^\d+$/.test(m.id))).toBe(true);
    expect((await socketB.next()).data).toEqual({ n: "b" });
    socketA.close();

    await publishTenantEvent(scopeA, "task.updated", { n: 4 });
    const again = await connect(`?lastEventId=${got[0].id}`, bearer(a));
    const replayed = [await again.next(), await again.next(), await again.next()];
    expect(replayed.map((m) => m.data.n)).toEqual([2, 3, 4]);
    expect(await again.next()).toMatchObject({ type: "ready", replayed: 3 });
    again.close();
    socketB.close();
  });

  it("takes the session cookie from this site's pages only", async () => {
    const cookie = await sessionCookie(a.email, a.password);
    const ours = await connect("", { cookie, origin: "http://localhost:3000", host: "localhost:3000" });
    expect(await ours.next()).toMatchObject({ type: "ready" });
    ours.close();
    await expect(connect("", { cookie, origin: "https://evil.example", host: "localhost:3000" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Cross-site WebSocket refused"),
    });
  });

  it("refuses without credentials or with a bad query, and passes other upgrades on", async () => {
    await expect(connect("", {})).rejects.toMatchObject({ status: 403 });
    await expect(connect("", { authorization: "Bearer nope" })).rejects.toMatchObject({ status: 401 });
    await expect(connect("?lastEventId=x", bearer(a))).rejects.toMatchObject({ status: 422 });
    await expect(connect("?types=nope", bearer(a))).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Unknown event type"),
    });
    const other = new WebSocket(`${base}/_next/webpack-hmr`);
    await new Promise((r) => other.once("error", r));
    expect(passedOn).toBe(1);
  });
});
