import { withTenant } from "@/lib/http/route";
import { addDocument, listDocuments } from "@/lib/nlp/kb/documents";
import { AddedKbDocument, KbDocumentPage, ListDocumentsQuery, UploadDocumentQuery } from "@/lib/nlp/kb/schemas";

/** The tenant's documents with their ingestion status, newest first unless `sort` says otherwise; `status` keeps those in one state. */
export const GET = withTenant(async ({ ctx, query }) => listDocuments(ctx, query), {
  scope: "kb:read",
  query: ListDocumentsQuery,
  response: KbDocumentPage,
});

/**
 * The file is the request body: `POST .../documents?name=handbook.pdf&title=Employee handbook`.
 * 201 with the document (status `queued`) and the `kb.ingest` task that reads it.
 */
export const POST = withTenant(
  async ({ ctx, query, req }) => {
    const declared = req.headers.get("content-length");
    return addDocument(ctx, {
      name: query.name,
      title: query.title,
      mediaType: req.headers.get("content-type"),
      body: req.body,
      declaredBytes: declared ? Number(declared) : undefined,
    });
  },
  { scope: "kb:write", query: UploadDocumentQuery, status: 201, rateLimit: "upload", idempotent: true, response: AddedKbDocument },
);
