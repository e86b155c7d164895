import { withTenant } from "@/lib/http/route";
import { listAgentPage, registerAgent } from "@/lib/agents/registry";
import { AgentPage, ListAgentsQuery, RegisterAgentInput, RegisteredAgent } from "@/lib/agents/schemas";

/** The tenant's agents, built-in ones first, then by slug. */
export const GET = withTenant(async ({ ctx, query }) => listAgentPage({ ctx, query }), {
  scope: "agents:read",
  query: ListAgentsQuery,
  response: AgentPage,
});

/** Registers a third party's agent; its signing key is answered once. */
export const POST = withTenant(async ({ ctx, body }) => registerAgent({ ctx, input: body }), {
  scope: "settings:write",
  body: RegisterAgentInput,
  status: 201,
  response: RegisteredAgent,
});
