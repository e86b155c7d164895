import { withTenant } from "@/lib/http/route";
import { listMappings } from "@/lib/dcl/mappings/list-mappings";
import { ListMappingsQuery } from "@/lib/dcl/mappings/schemas";

export const GET = withTenant(async ({ ctx, query }) => listMappings({ ctx, input: query }), {
  scope: "dcl:read",
  query: ListMappingsQuery,
});
