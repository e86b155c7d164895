import { withTenant } from "@/lib/http/route";
import { listInbox } from "@/lib/inbox/list";
import { ListInboxQuery } from "@/lib/inbox/schemas";

/** Everything waiting for a person: repairs to review, mapping proposals, held schema changes; with counts by kind. */
export const GET = withTenant(async ({ ctx, query }) => listInbox(ctx, query), { scope: "dcl:read", query: ListInboxQuery });
