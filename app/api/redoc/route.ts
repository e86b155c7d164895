import type { NextRequest } from "next/server";
import { docsPage } from "@/lib/http/openapi/docs-page";

/** ReDoc over /api/openapi.json: the reference to read (Swagger UI at /api/docs is the one to try calls in). */
export function GET(req: NextRequest) {
  return new Response(docsPage("redoc", { nonce: req.headers.get("x-nonce") ?? undefined }), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
