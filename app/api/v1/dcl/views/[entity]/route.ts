import { z } from "zod";
import { withTenant } from "@/lib/http/route";
import { queryView, ViewQuery } from "@/lib/dcl/views/query";

export const GET = withTenant(async ({ ctx, params, query }) => queryView(ctx, params.entity, query), {
  scope: "dcl:read",
  params: z.object({ entity: z.string().min(1).max(63) }),
  query: ViewQuery,
});
