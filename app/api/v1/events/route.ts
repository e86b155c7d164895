import { listEvents } from "@/lib/events/read";
import { EventPage, ListEventsQuery } from "@/lib/events/schemas";
import { allowedEventTypes } from "@/lib/events/scopes";
import { withTenant } from "@/lib/http/route";

/** The tenant's kept events, oldest first, a page at a time: for clients that poll instead of streaming. */
export const GET = withTenant(async ({ ctx, query }) => listEvents(ctx, query, allowedEventTypes(ctx.actor, query.types)), {
  scope: "tenant:read",
  query: ListEventsQuery,
  response: EventPage,
});
