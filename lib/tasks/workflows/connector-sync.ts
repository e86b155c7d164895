import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { asTaskError } from "@/lib/aam/connectors/task-error";
import { syncConnection } from "@/lib/aam/sync";
import { proposeConnectionMappings } from "@/lib/dcl/connect";

/**
 * Reads a connection: discovery, fingerprints and drift under its policy, then every readable
 * stream from its saved state. Each stream is a step, so a retry resumes where the last one stopped.
 * A schema change it accepted goes to the repair agent (`drift.repair`, which then rebuilds);
 * otherwise, when records changed, it asks for a `dcl.rebuild` so the unified views follow.
 * A connection in safe mode materializes nothing: its mappings are proposed here, and no rebuild is asked for.
 */
export const connectorSync = defineWorkflow({
  type: "connector.sync",
  description: "Sync a connection",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 4,
  run: async ({ tenantId, db, input, step, taskId }) => {
    const summary = await syncConnection({ tenantId, db }, input.connectionId, { step, taskId }).catch(asTaskError);
    // An accepted schema change may have moved mapped fields: the repair agent looks, then rebuilds.
    const repair =
      summary.driftChanges > summary.pendingChanges ? [{ type: "drift.repair" as const, input: { connectionId: input.connectionId } }] : [];
    if (summary.safeMode) {
      // Idempotent: a stream with nothing new writes no new proposal.
      const mappings = summary.skipped
        ? null
        : await step.run("propose mappings", () => proposeConnectionMappings({ tenantId, db }, input.connectionId));
      return { summary: { ...summary, mappings }, next: repair };
    }
    if (repair.length) return { summary, next: repair };
    // New records reach the unified views through a DCL rebuild.
    const changed = Object.values(summary.read).some((r) => r.stored > 0);
    return { summary, next: changed ? [{ type: "dcl.rebuild" as const, input: {} }] : [] };
  },
});
