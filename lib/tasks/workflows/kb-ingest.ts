import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Chunks, redacts and embeds documents into the tenant's knowledge base. */
export const kbIngest = awaitingDomain({
  type: "kb.ingest",
  description: "Ingest documents into the knowledge base",
  input: z.object({ documentIds: z.array(z.uuid()).min(1).max(1000) }),
  missing: "the knowledge base arrives with the NLP gateway",
});
