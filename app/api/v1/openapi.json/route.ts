import { withPublic } from "@/lib/http/route";
import { OPENAPI_PATH } from "@/lib/http/openapi/document-schema";

/**
 * The document moved to /api/openapi.json: a permanent redirect (308, so clients keep the method and
 * remember the new address), with a relative `Location` and a line of text for whoever reads it.
 */
export const GET = withPublic(
  async () =>
    new Response(`The OpenAPI document moved to ${OPENAPI_PATH}\n`, {
      status: 308,
      headers: { location: OPENAPI_PATH, "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=300" },
    }),
  {
    status: 308,
    response: { mediaType: "text/plain", description: `Moved permanently: the document is at ${OPENAPI_PATH} (the \`Location\` header)` },
  },
);
