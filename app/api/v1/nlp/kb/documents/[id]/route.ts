import { withTenant } from "@/lib/http/route";
import { deleteDocument, getDocumentOrThrow, toDocumentDto } from "@/lib/nlp/kb/documents";
import { DocumentParams, KbDocumentAnswer } from "@/lib/nlp/kb/schemas";

/** A document of the tenant's knowledge base and how far its reading went. */
export const GET = withTenant(async ({ ctx, params }) => ({ document: toDocumentDto(await getDocumentOrThrow(ctx, params.id)) }), {
  scope: "kb:read",
  params: DocumentParams,
  response: KbDocumentAnswer,
});

/** Removes the document, its chunks and vectors, and its original. */
export const DELETE = withTenant(async ({ ctx, params }) => deleteDocument(ctx, params.id), {
  scope: "kb:write",
  params: DocumentParams,
  status: 204,
  response: null,
});
