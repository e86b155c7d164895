import { withTenant } from "@/lib/http/route";
import { addDocument, listDocuments } from "@/lib/nlp/kb/documents";
import { UploadDocumentQuery } from "@/lib/nlp/kb/schemas";

export const GET = withTenant(async ({ ctx }) => ({ documents: await listDocuments(ctx) }), { scope: "kb:read" });

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
  { scope: "kb:write", query: UploadDocumentQuery, status: 201, rateLimit: "upload", idempotent: true },
);
