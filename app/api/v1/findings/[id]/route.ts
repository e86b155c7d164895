import { withTenant } from "@/lib/http/route";
import { updateFinding } from "@/lib/agents/findings";
import { Finding, FindingParams, UpdateFindingInput } from "@/lib/agents/schemas";

/** Acknowledge, resolve, dismiss or reopen a finding (who and when are kept). */
export const PATCH = withTenant(async ({ ctx, params, body }) => updateFinding({ ctx, id: params.id, input: body }), {
  scope: "agents:write",
  params: FindingParams,
  body: UpdateFindingInput,
  response: Finding,
});
