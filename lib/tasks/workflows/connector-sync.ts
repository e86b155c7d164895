import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Sync a connection: reads new records, then asks for a drift check.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const connectorSync = defineWorkflow({
  type: "connector.sync",
  description: "Sync a connection",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Sync a connection is not available yet: connectors arrive with the Adaptive API Mesh");
    });
    return { summary: { input }, next: [{ type: "drift.check", input }] };
  },
});
