import { withTenant } from "@/lib/http/route";
import { deleteDocument, getDocumentOrThrow, toDocumentDto } from "@/lib/nlp/kb/documents";
import { DocumentParams } from "@/lib/nlp/kb/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ document: toDocumentDto(await getDocumentOrThrow(ctx, params.id)) }), {
  scope: "kb:read",
  params: DocumentParams,
});

/** Removes the document, its chunks and vectors, and its original. 204. */
export const DELETE = withTenant(
  async ({ ctx, params }) => {
    await deleteDocument(ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { scope: "kb:write", params: DocumentParams },
);
