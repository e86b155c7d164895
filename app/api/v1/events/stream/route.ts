import { resolveTenantContext } from "@/lib/auth/request-auth";
import { ValidationError } from "@/lib/errors";
import { EventStreamQuery } from "@/lib/events/schemas";
import { allowedEventTypes } from "@/lib/events/scopes";
import { tenantEventStream } from "@/lib/events/stream";
import { eventIdSchema } from "@/lib/events/schemas";
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
  { scope: "tenant:read", query: EventStreamQuery },
);
