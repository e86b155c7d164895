import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Run an agent: runs a FinOps or RevOps agent over the unified views.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const agentRun = defineWorkflow({
  type: "agent.run",
  description: "Run an agent",
  input: z.object({ agent: z.enum(["finops", "revops"]) }),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Run an agent is not available yet: agents arrive with the agents issue");
    });
    return { summary: { input } };
  },
});
