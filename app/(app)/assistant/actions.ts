"use server";

import { deleteDocument } from "@/lib/nlp/kb/documents";
import { DocumentParams } from "@/lib/nlp/kb/schemas";
import { tenantAction } from "../action-client";

// The same scope as DELETE /api/v1/nlp/kb/documents/{id}.
const remove = tenantAction(DocumentParams, "kb:write", async ({ ctx, input }) => {
  await deleteDocument(ctx, input.id);
  return { deleted: input.id };
});

export async function deleteDocumentAction(input: { id: string }) {
  return remove(input);
}
