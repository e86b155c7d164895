import { withTenant } from "@/lib/http/route";
import { listInbox } from "@/lib/inbox/list";
import { InboxPage, ListInboxQuery } from "@/lib/inbox/schemas";

/** Everything waiting for a person, newest first: repairs to review, mapping proposals, held schema changes; with counts by kind. */
export const GET = withTenant(async ({ ctx, query }) => listInbox(ctx, query), {
  scope: "dcl:read",
  query: ListInboxQuery,
  response: InboxPage,
});
