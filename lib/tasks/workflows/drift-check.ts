import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { asTaskError } from "@/lib/aam/connectors/task-error";
import { checkDrift } from "@/lib/aam/sync";

/**
 * Discovers a connection's schema and records drift against the accepted one, without reading
 * records. A schema change it accepted goes to the repair agent, which then has names and types
 * (and the values of any records already stored under the new schema) to go on.
 */
export const driftCheck = defineWorkflow({
  type: "drift.check",
  description: "Check a connection for schema drift",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 3,
  run: async ({ tenantId, db, input, step, taskId }) => {
    const summary = await step.run("check", () => checkDrift({ tenantId, db }, input.connectionId, { taskId })).catch(asTaskError);
    if (summary.driftChanges > summary.pendingChanges)
      return { summary, next: [{ type: "drift.repair" as const, input: { connectionId: input.connectionId } }] };
    return { summary };
  },
});
