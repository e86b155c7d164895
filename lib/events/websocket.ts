import "server-only";
import { randomUUID } from "node:crypto";
import { STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { actorHasScope, scopeRefusal } from "@/lib/auth/actor-scope";
import type { TenantContext } from "@/lib/auth/context";
import { resolveTenantContext } from "@/lib/auth/request-auth";
import { getDb } from "@/lib/db";
import { DomainError, ForbiddenError, ValidationError } from "@/lib/errors";
import { EventStreamQuery } from "@/lib/events/schemas";
import { allowedEventTypes } from "@/lib/events/scopes";
import { tenantEventStream } from "@/lib/events/stream";
import type { TenantEventType } from "@/lib/events/types";
import { isSameOrigin } from "@/lib/http/origin";
import { problem, PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
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
    // Node takes its own error listener off an upgraded socket: a client resetting during the checks must not throw.
    const dropped = () => socket.destroy();
    socket.on("error", dropped);
    void accept(req, url).then(
      (accepted) => {
        socket.off("error", dropped);
        sockets.handleUpgrade(req, socket, head, (ws) => void stream(ws, accepted));
      },
      (error: unknown) => refuse(socket, error),
    );
  });
}

type Accepted = { ctx: TenantContext; request: Request; after?: string; types: TenantEventType[] };

async function accept(req: IncomingMessage, url: URL): Promise<Accepted> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  if (!headers.has("authorization") && !isSameOrigin(headers))
    throw new ForbiddenError("Cross-site WebSocket refused: connect from this site's pages, or send a bearer token");
  const request = new Request(url, { headers });
  const ctx = await resolveTenantContext(request, await getDb());
  if (!actorHasScope(ctx.actor, "tenant:read")) throw new ForbiddenError(scopeRefusal(ctx.actor, "tenant:read"));
  const query = EventStreamQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new ValidationError(`Invalid query parameters: ${query.error.issues[0]?.message ?? "invalid"}`);
  return { ctx, request, after: query.data.lastEventId, types: allowedEventTypes(ctx.actor, query.data.types) };
}

/** The handshake's answer when the socket is not opened: an HTTP status and problem details (lib/http/problem.ts). */
function refuse(socket: Duplex, error: unknown) {
  const requestId = randomUUID();
  const domain = error instanceof DomainError ? error : null;
  const status = domain?.status ?? 500;
  const detail = domain ? domain.message : toSafeError(error, { requestId }, requestId).message;
  const body = JSON.stringify(problem({ status, code: domain?.code ?? "internal", detail, requestId }));
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close`;
  socket.end(`${head}\r\n\r\n${body}`);
}

/** A client this far behind (unsent bytes) is too slow to follow: it is closed and reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

async function stream(ws: WebSocket, { ctx, request, after, types }: Accepted) {
  const abort = new AbortController();
  let alive = true;
  ws.on("pong", () => (alive = true));
  ws.on("close", () => abort.abort());
  ws.on("error", () => abort.abort());
  const stillAllowed = () =>
    resolveTenantContext(request, ctx.db).then(
      (again) => again.tenantId === ctx.tenantId,
      () => false,
    );
  try {
    for await (const item of tenantEventStream(ctx, { after, types, signal: abort.signal, stillAllowed })) {
      if (ws.readyState !== ws.OPEN) break;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.close(1013, "Too far behind; reconnect with lastEventId");
      if ("comment" in item) {
        // No answer to the last ping: the peer is gone.
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      } else
        ws.send(
          JSON.stringify(item.event === "ready" || item.event === "reset" ? { type: item.event, ...(item.data as object) } : item.data),
        );
    }
    if (ws.readyState === ws.OPEN) ws.close(1000, "The stream ended; reconnect with lastEventId");
  } catch (error) {
    log.error("event socket failed", { tenantId: ctx.tenantId, error });
    if (ws.readyState === ws.OPEN) ws.close(1011, "The event stream failed; reconnect");
  }
}
