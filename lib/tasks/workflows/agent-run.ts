import { z } from "zod";
import { AgentCallError } from "@/lib/agents/http-agent";
import { getAgentOrThrow } from "@/lib/agents/registry";
import { runAgent } from "@/lib/agents/run";
import { UserFacingError } from "@/lib/errors";
import { PermanentTaskError } from "@/lib/tasks/types";
import { defineWorkflow } from "@/lib/tasks/workflow";

/**
 * Runs an agent over the unified views. It reads views built from the latest approved mappings:
 * while a rebuild is queued or running it waits (a retriable failure, so the engine backs off and
 * tries again).
 */
export const agentRun = defineWorkflow({
  type: "agent.run",
  description: "Run an agent",
  input: z.object({
    agent: z.string().min(1).max(100),
    trigger: z.enum(["manual", "schedule"]).default("manual"),
    asOf: z.iso.date().optional(),
  }),
  maxAttempts: 6,
  run: async ({ tenantId, db, input, step, taskId }) => {
    const scope = { tenantId, db };
    const rebuilding = await db.task.count({ where: { tenantId, type: "dcl.rebuild", status: { in: ["queued", "in_progress"] } } });
    if (rebuilding > 0) throw new UserFacingError("Waiting for the views being rebuilt");
    const outcome = await step.run("run", async () => {
      const agent = await getAgentOrThrow(scope, input.agent).catch(() => {
        throw new PermanentTaskError(`There is no agent "${input.agent}"`);
      });
      if (!agent.enabled) throw new PermanentTaskError(`The agent "${agent.slug}" is disabled`);
      const {
        run,
        found,
        new: fresh,
        resolved,
      } = await runAgent(scope, agent, {
        trigger: input.trigger,
        taskId,
        asOf: input.asOf ? new Date(`${input.asOf}T00:00:00Z`) : undefined,
      }).catch((error) => {
        // Trying again cannot help a call the endpoint refused or answered wrongly.
        throw error instanceof AgentCallError && error.permanent ? new PermanentTaskError(error.message) : error;
      });
      return { runId: run.id, agent: agent.slug, findings: found, new: fresh, resolved, durationMs: run.durationMs };
    });
    return { summary: outcome };
  },
});
