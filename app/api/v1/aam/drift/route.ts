import { withTenant } from "@/lib/http/route";
import { listDriftEvents } from "@/lib/aam/drift/review";
import { DriftEventPage, ListDriftQuery } from "@/lib/aam/schemas";

/** The workspace's schema changes, newest first, of one connection or status when asked. */
export const GET = withTenant(async ({ ctx, query }) => listDriftEvents({ ctx, query }), {
  scope: "aam:read",
  query: ListDriftQuery,
  response: DriftEventPage,
});
