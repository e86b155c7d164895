import { withTenant } from "@/lib/http/route";
import { readOriginal } from "@/lib/nlp/kb/documents";
import { DocumentParams } from "@/lib/nlp/kb/schemas";

/** The file as uploaded, before redaction: admins and owners only (`pii:read`). */
export const GET = withTenant(
  async ({ ctx, params }) => {
    const { document, bytes } = await readOriginal(ctx, params.id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": document.format,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
  { scope: "pii:read", params: DocumentParams },
);
