import type { NextRequest } from "next/server";
import { swaggerUiPage } from "@/lib/http/openapi/docs-page";

/**
 * Human docs for the REST API: Swagger UI over /api/v1/openapi.json, its assets served by this app
 * (nothing loads from elsewhere). Public like the document; trying a call uses the caller's own
 * session or bearer token. Scripts carry the nonce proxy.ts put on the request's CSP.
 */
export function GET(req: NextRequest) {
  const html = swaggerUiPage({ nonce: req.headers.get("x-nonce") ?? undefined });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
