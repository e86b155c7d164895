import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { repairConnection } from "@/lib/dcl/repair/apply";

/**
 * Re-maps the fields a schema change moved (lib/dcl/repair): repairs the agent is sure of are
 * applied, the rest wait for a person; then the views are rebuilt. Re-running it writes nothing
 * new: a repair already recorded is not recorded again.
 */
export const driftRepair = defineWorkflow({
  type: "drift.repair",
  description: "Repair mappings after drift",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 3,
  run: async ({ tenantId, db, input, step }) => {
    const summary = await step.run("repair", () => repairConnection({ tenantId, db }, input.connectionId));
    return { summary, next: [{ type: "dcl.rebuild" as const, input: {} }] };
  },
});
