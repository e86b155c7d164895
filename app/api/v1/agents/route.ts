import { withTenant } from "@/lib/http/route";
import { listAgents, registerAgent, toAgentDto } from "@/lib/agents/registry";
import { RegisterAgentInput } from "@/lib/agents/schemas";

export const GET = withTenant(async ({ ctx }) => ({ agents: (await listAgents(ctx)).map(toAgentDto) }), { scope: "agents:read" });

/** Registers a third party's agent; its signing key is answered once. */
export const POST = withTenant(async ({ ctx, body }) => registerAgent({ ctx, input: body }), {
  scope: "settings:write",
  body: RegisterAgentInput,
  status: 201,
});
