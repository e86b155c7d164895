import { withTenant } from "@/lib/http/route";
import { decideMapping } from "@/lib/dcl/mappings/decisions";
import { MappingDecision, MappingParams } from "@/lib/dcl/mappings/schemas";

export const POST = withTenant(async ({ ctx, params, body }) => decideMapping({ ctx, id: params.id, input: body }), {
  scope: "dcl:write",
  params: MappingParams,
  body: MappingDecision,
});
