import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { connectDcl } from "@/lib/dcl/connect";

/**
 * Brings the tenant's unified views up to date: mapping proposals for every stream, then a new
 * view build made current at once (lib/dcl/views/rebuild.ts). One step; re-running it is safe (connect is idempotent and locked).
 */
export const dclRebuild = defineWorkflow({
  type: "dcl.rebuild",
  description: "Rebuild the tenant's unified views",
  input: z.object({}).strict(),
  maxAttempts: 3,
  run: async ({ tenantId, db, step }) => {
    const result = await step.run("connect", async () => {
      const { streams, proposed, autoApproved, build } = await connectDcl({ tenantId, db });
      return { streams, proposed, autoApproved, entities: build.entities };
    });
    return { summary: result };
  },
});
