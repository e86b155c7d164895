import type { NextRequest } from "next/server";
import { docsPage } from "@/lib/http/openapi/docs-page";

/**
 * Swagger UI over /api/openapi.json. Public like the document; trying a call uses the caller's
 * own session or bearer token. Scripts carry the nonce proxy.ts put on the request's CSP.
 */
export function GET(req: NextRequest) {
  return new Response(docsPage("swagger", { nonce: req.headers.get("x-nonce") ?? undefined }), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
