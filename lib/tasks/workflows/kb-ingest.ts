import { z } from "zod";
import { defineWorkflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * Ingest documents into the knowledge base Chunks, redacts and embeds documents.
 * Until its domain code lands, it fails permanently with a message saying so.
 */
export const kbIngest = defineWorkflow({
  type: "kb.ingest",
  description: "Ingest documents into the knowledge base",
  input: z.object({ documentIds: z.array(z.uuid()).min(1).max(1000) }),
  maxAttempts: 3,
  async run({ input, step }) {
    await step.run("check-prerequisites", async () => {
      throw new PermanentTaskError("Ingest documents into the knowledge base is not available yet: the knowledge base arrives with the NLP gateway");
    });
    return { summary: { input } };
  },
});
