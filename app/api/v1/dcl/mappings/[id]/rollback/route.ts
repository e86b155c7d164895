import { withTenant } from "@/lib/http/route";
import { rollbackMapping } from "@/lib/dcl/mappings/decisions";
import { MappingParams, RollbackInput } from "@/lib/dcl/mappings/schemas";

export const POST = withTenant(async ({ ctx, params, body }) => rollbackMapping({ ctx, id: params.id, input: body }), {
  scope: "dcl:write",
  params: MappingParams,
  body: RollbackInput,
  status: 201,
});
