import { z } from "zod";
import { getEmbedder } from "@/lib/nlp/kb/embed";
import { ingestDocument } from "@/lib/nlp/kb/ingest";
import { PermanentTaskError } from "@/lib/tasks/types";
import { defineWorkflow } from "@/lib/tasks/workflow";

const MAX_ATTEMPTS = 3;

/**
 * Extracts, redacts, chunks and embeds documents into the tenant's knowledge base, one durable
 * step per document: a retry resumes at the first document not done. Progress is each document's
 * status (queued, ingesting, ready or failed) and the steps done in the task's history.
 */
export const kbIngest = defineWorkflow({
  type: "kb.ingest",
  description: "Ingest documents into the knowledge base",
  input: z.object({ documentIds: z.array(z.uuid()).min(1).max(1000) }),
  maxAttempts: MAX_ATTEMPTS,
  run: async ({ tenantId, db, input, step, attempt }) => {
    const embedder = getEmbedder();
    const documents = [];
    for (const documentId of input.documentIds)
      documents.push(
        await step.run(`document:${documentId}`, () =>
          ingestDocument({ tenantId, db }, documentId, { embedder, lastAttempt: attempt >= MAX_ATTEMPTS }),
        ),
      );
    if (documents.every((d) => d.status === "missing"))
      throw new PermanentTaskError("None of these documents exists in the knowledge base (deleted, or never uploaded)");
    return {
      summary: {
        documents,
        ready: documents.filter((d) => d.status === "ready").length,
        failed: documents.filter((d) => d.status === "failed").length,
      },
    };
  },
});
