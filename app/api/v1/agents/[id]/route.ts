import { withTenant } from "@/lib/http/route";
import { deleteAgent, getAgentOrThrow, toAgentDto, updateAgent } from "@/lib/agents/registry";
import { AgentParams, UpdateAgentInput } from "@/lib/agents/schemas";

export const GET = withTenant(async ({ ctx, params }) => toAgentDto(await getAgentOrThrow(ctx, params.id)), {
  scope: "agents:read",
  params: AgentParams,
});
export const PATCH = withTenant(async ({ ctx, params, body }) => updateAgent({ ctx, id: params.id, input: body }), {
  scope: "settings:write",
  params: AgentParams,
  body: UpdateAgentInput,
});
export const DELETE = withTenant(async ({ ctx, params }) => (await deleteAgent({ ctx, id: params.id }), { deleted: true }), {
  scope: "settings:write",
  params: AgentParams,
});
