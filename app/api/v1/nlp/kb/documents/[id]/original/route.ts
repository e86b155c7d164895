import { withTenant } from "@/lib/http/route";
import { readOriginal } from "@/lib/nlp/kb/documents";
import { DocumentParams } from "@/lib/nlp/kb/schemas";

/** The file as uploaded, before redaction, as a download: admins and owners only (`pii:read`). */
export const GET = withTenant(
  async ({ ctx, params }) => {
    const { document, bytes } = await readOriginal(ctx, params.id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
  {
    scope: "pii:read",
    params: DocumentParams,
    response: {
      mediaType: "application/octet-stream",
      description: "The file's bytes, named in `Content-Disposition`; its media type is the document's `format`",
    },
  },
);
