import { z } from "zod";
import { withTenant } from "@/lib/http/route";
import { queryView } from "@/lib/dcl/views/query";
import { ViewPage, ViewQuery } from "@/lib/dcl/views/schemas";

/**
 * A page of one entity's unified view. Query: `limit` (1 to 500, 50 by default), `cursor` (a page's
 * `nextCursor`), `sort` (columns, comma-separated, `-` before one for descending: `sort=-amount,name`),
 * and filters: any other key is `field` (equals) or `field.op`, op one of eq, ne, gt, gte, lt, lte,
 * contains, null (`true`/`false`): `amount.gte=1000&currency=usd`. Text compares without regard to
 * case, except ids and the lineage columns; a value that does not read as the column's type is refused.
 */
export const GET = withTenant(async ({ ctx, params, query }) => queryView(ctx, params.entity, query), {
  scope: "dcl:read",
  params: z.object({ entity: z.string().min(1).max(63) }),
  query: ViewQuery,
  response: ViewPage,
});
