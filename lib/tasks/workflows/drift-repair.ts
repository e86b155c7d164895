import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Repair mappings after drift: re-maps drifted fields (auto or human), then asks for a DCL rebuild.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const driftRepair = defineWorkflow({
  type: "drift.repair",
  description: "Repair mappings after drift",
  input: z.object({ connectionId: z.uuid() }),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Repair mappings after drift is not available yet: the repair agent arrives with self-healing");
    });
    return { summary: { input }, next: [{ type: "dcl.rebuild", input: {} }] };
  },
});
