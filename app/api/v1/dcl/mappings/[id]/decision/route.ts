import { withTenant } from "@/lib/http/route";
import { decideMapping } from "@/lib/dcl/mappings/decisions";
import { Mapping, MappingDecision, MappingParams } from "@/lib/dcl/mappings/schemas";

/** Approves (optionally onto another target) or rejects the newest version of a field's mapping; answers the version now newest. */
export const POST = withTenant(async ({ ctx, params, body }) => decideMapping({ ctx, id: params.id, input: body }), {
  scope: "dcl:write",
  params: MappingParams,
  body: MappingDecision,
  response: Mapping,
});
