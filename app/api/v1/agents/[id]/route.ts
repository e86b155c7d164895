import { withTenant } from "@/lib/http/route";
import { deleteAgent, getAgentOrThrow, toAgentDto, updateAgent } from "@/lib/agents/registry";
import { Agent, AgentParams, UpdateAgentInput } from "@/lib/agents/schemas";

/** One agent, by id or slug. */
export const GET = withTenant(async ({ ctx, params }) => toAgentDto(await getAgentOrThrow(ctx, params.id)), {
  scope: "agents:read",
  params: AgentParams,
  response: Agent,
});

/** Changes an agent: a built-in one's owner, schedule and whether it runs; a third party's everything but its slug. */
export const PATCH = withTenant(async ({ ctx, params, body }) => updateAgent({ ctx, id: params.id, input: body }), {
  scope: "settings:write",
  params: AgentParams,
  body: UpdateAgentInput,
  response: Agent,
});

/** Deletes a third party's agent with its runs and findings (204); a built-in one cannot be deleted (409). */
export const DELETE = withTenant(async ({ ctx, params }) => deleteAgent({ ctx, id: params.id }), {
  scope: "settings:write",
  params: AgentParams,
  status: 204,
  response: null,
});
