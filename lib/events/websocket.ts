import "server-only";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { actorHasScope, scopeRefusal } from "@/lib/auth/actor-scope";
import { resolveTenantContext } from "@/lib/auth/request-auth";
import { getDb } from "@/lib/db";
import { DomainError, ForbiddenError, ValidationError } from "@/lib/errors";
import { EventStreamQuery } from "@/lib/events/schemas";
import { tenantEventStream } from "@/lib/events/stream";
import { isSameOrigin } from "@/lib/http/origin";
import { log } from "@/lib/log";
import { toSafeError } from "@/lib/safe-error";

/** Where WebSocket clients connect: the same events as the SSE stream, one JSON message each. */
export const EVENTS_SOCKET_PATH = "/api/v1/events/ws";

type Upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Serves the tenant event stream over WebSocket on `server` (Next.js route handlers cannot upgrade
 * a connection). Authenticated like the REST API: a bearer token in the Authorization header, or
 * the session cookie from this site's own pages (the Origin is checked: a cookie alone would let any
 * site open the socket). `?lastEventId=` resumes, `?types=` filters. Other upgrades go to `next`.
 */
export function serveEventSockets(server: Server, next: Upgrade): void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== EVENTS_SOCKET_PATH) return next(req, socket, head);
    void accept(req, url).then(
      (accepted) => sockets.handleUpgrade(req, socket, head, (ws) => void stream(ws, accepted)),
      (error: unknown) => refuse(socket, error),
    );
  });
}

type Accepted = { ctx: Awaited<ReturnType<typeof resolveTenantContext>>; after?: string; types?: ReturnType<typeof EventStreamQuery.parse>["types"] };

async function accept(req: IncomingMessage, url: URL): Promise<Accepted> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  if (!headers.has("authorization") && !isSameOrigin(headers)) throw new ForbiddenError("Cross-site WebSocket refused: connect from this site's pages, or send a bearer token");
  const ctx = await resolveTenantContext(new Request(url, { headers }), await getDb());
  if (!actorHasScope(ctx.actor, "tenant:read")) throw new ForbiddenError(scopeRefusal(ctx.actor, "tenant:read"));
  const query = EventStreamQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new ValidationError(`Invalid query parameters: ${query.error.issues[0]?.message ?? "invalid"}`);
  return { ctx, after: query.data.lastEventId, types: query.data.types };
}

/** The handshake's answer when the socket is not opened: a plain HTTP status and a JSON error. */
function refuse(socket: Duplex, error: unknown) {
  const domain = error instanceof DomainError ? error : null;
  const status = domain?.status ?? 500;
  const message = domain ? domain.message : toSafeError(error, {}).message;
  const body = JSON.stringify({ error: { code: domain?.code ?? "internal", message } });
  socket.end(`HTTP/1.1 ${status} ${status === 500 ? "Internal Server Error" : "Refused"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

async function stream(ws: WebSocket, { ctx, after, types }: Accepted) {
  const abort = new AbortController();
  ws.on("close", () => abort.abort());
  ws.on("error", () => abort.abort());
  try {
    for await (const item of tenantEventStream(ctx, { after, types, signal: abort.signal })) {
      if (ws.readyState !== ws.OPEN) break;
      if ("comment" in item) ws.ping();
      else ws.send(JSON.stringify(item.event === "ready" || item.event === "reset" ? { type: item.event, ...(item.data as object) } : item.data));
    }
  } catch (error) {
    log.error("event socket failed", { tenantId: ctx.tenantId, error });
    if (ws.readyState === ws.OPEN) ws.close(1011, "The event stream failed; reconnect");
  }
}
