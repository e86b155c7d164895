import { resolveTenantContext } from "@/lib/auth/request-auth";
import { ValidationError } from "@/lib/errors";
import { EventStreamQuery, eventIdSchema } from "@/lib/events/schemas";
import { allowedEventTypes } from "@/lib/events/scopes";
import { tenantEventStream } from "@/lib/events/stream";
import { withTenant } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";

/**
 * The tenant's live events as server-sent events: task transitions, sync progress, drift, the review
 * inbox, rebuilds, agent runs and documents. A client reconnecting with `Last-Event-ID` first gets
 * every kept event it missed. An API key gets the types its scopes read; every keep-alive checks
 * the caller again (a revoked key or a removed member ends the stream), and a stream lasts 15
 * minutes at most: EventSource reconnects by itself and resumes.
 */
export const GET = withTenant(
  async ({ ctx, req, query, requestId }) => {
    const header = req.headers.get("last-event-id");
    if (header !== null && !eventIdSchema.safeParse(header).success)
      throw new ValidationError("Invalid Last-Event-ID header: must be an event id");
    const after = header ?? query.lastEventId;
    const types = allowedEventTypes(ctx.actor, query.types);
    const stillAllowed = () =>
      resolveTenantContext(req, ctx.db).then(
        (again) => again.tenantId === ctx.tenantId,
        () => false,
      );
    return sseResponse(tenantEventStream(ctx, { after, types, signal: req.signal, stillAllowed }), requestId);
  },
  {
    scope: "tenant:read",
    query: EventStreamQuery,
    response: {
      mediaType: "text/event-stream",
      description:
        "Server-sent events, each `event: <type>` with `id: <event id>` (resume with `Last-Event-ID`) and one `data:` line holding the TenantEvent as JSON. The stream opens with `ready` (`data: { lastEventId, replayed? }`) after replaying what the client missed, or with `reset` (`data: { message, lastEventId }`) when its resume point is no longer kept: reload the state, then resume from that id. Comment lines keep the connection alive; `error` ends a stream that failed.",
    },
  },
);
