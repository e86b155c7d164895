import { withTenant } from "@/lib/http/route";
import { rollbackMapping } from "@/lib/dcl/mappings/decisions";
import { Mapping, MappingParams, RollbackInput } from "@/lib/dcl/mappings/schemas";

/** Puts an earlier approved version back in force (or undoes the one in force) as a new version: 201 with it. */
export const POST = withTenant(async ({ ctx, params, body }) => rollbackMapping({ ctx, id: params.id, input: body }), {
  scope: "dcl:write",
  params: MappingParams,
  body: RollbackInput,
  status: 201,
  response: Mapping,
});
