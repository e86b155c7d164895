import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Rebuild the tenant's unified views: rebuilds the unified DuckDB views from approved mappings.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const dclRebuild = defineWorkflow({
  type: "dcl.rebuild",
  description: "Rebuild the tenant's unified views",
  input: z.object({}).strict(),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Rebuild the tenant's unified views is not available yet: unified views arrive with the Data Connection Layer");
    });
    return { summary: { input } };
  },
});
