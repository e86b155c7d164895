import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError } from "@/lib/errors";
import { createTask } from "@/lib/tasks/tasks";
import { getAgentOrThrow } from "./registry";
import type { RunAgentInput } from "./schemas";

/** Queues an `agent.run` task for an enabled agent (409 for a disabled one). */
export async function requestAgentRun({ ctx, id, input }: { ctx: TenantContext; id: string; input: RunAgentInput }) {
  const agent = await getAgentOrThrow(ctx, id);
  if (!agent.enabled) throw new ConflictError(`The agent "${agent.slug}" is disabled`);
  const { task } = await createTask({
    ctx,
    input: { type: "agent.run", input: { agent: agent.slug, trigger: "manual", ...(input.asOf && { asOf: input.asOf }) } },
  });
  return { task };
}
