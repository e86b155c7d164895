import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Check a connection for schema drift: compares the latest schema fingerprint, then asks for a repair when drift is found.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const driftCheck = defineWorkflow({
  type: "drift.check",
  description: "Check a connection for schema drift",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Check a connection for schema drift is not available yet: schema fingerprints arrive with the Adaptive API Mesh");
    });
    return { summary: { input }, next: [{ type: "drift.repair", input }] };
  },
});
