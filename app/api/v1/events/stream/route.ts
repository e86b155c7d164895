import { ValidationError } from "@/lib/errors";
import { EventStreamQuery } from "@/lib/events/schemas";
import { tenantEventStream } from "@/lib/events/stream";
import { eventIdSchema } from "@/lib/events/schemas";
import { withTenant } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";

/**
 * The tenant's live events as server-sent events: task transitions, sync progress, drift, the review
 * inbox, rebuilds, agent runs and documents. A client reconnecting with `Last-Event-ID` first gets
 * every kept event it missed.
 */
export const GET = withTenant(
  async ({ ctx, req, query, requestId }) => {
    const header = req.headers.get("last-event-id");
    if (header !== null && !eventIdSchema.safeParse(header).success) throw new ValidationError("Invalid Last-Event-ID header: must be an event id");
    const after = header ?? query.lastEventId;
    return sseResponse(tenantEventStream(ctx, { after, types: query.types, signal: req.signal }), requestId);
  },
  { scope: "tenant:read", query: EventStreamQuery },
);
