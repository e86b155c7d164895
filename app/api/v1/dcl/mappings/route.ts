import { withTenant } from "@/lib/http/route";
import { listMappings } from "@/lib/dcl/mappings/list-mappings";
import { ListMappingsQuery, MappingPage } from "@/lib/dcl/mappings/schemas";

/** The tenant's mappings: each source field's newest version (with `history=true`, every version), by connection, stream and field. */
export const GET = withTenant(async ({ ctx, query }) => listMappings({ ctx, query }), {
  scope: "dcl:read",
  query: ListMappingsQuery,
  response: MappingPage,
});
