import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/**
 * Runs before every page, next-auth's routes and the API's docs pages; not before the REST API,
 * because Proxy buffers request bodies and uploads are large (the API's headers come from next.config.mjs).
 * - Pages get a fresh nonce and the Content-Security-Policy that names it (request and response).
 * - X-Forwarded-Host is overwritten with the public URL's host (or, without NEXTAUTH_URL in
 *   development, the Host header), so neither next-auth nor Next's server action check reads a
 *   host the client chose.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const host = env.publicUrl ? new URL(env.publicUrl).host : request.headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  else headers.delete("x-forwarded-host");
  if (request.nextUrl.pathname.startsWith("/api/") && !isDocsPage(request.nextUrl.pathname))
    return NextResponse.next({ request: { headers } });

  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: env.nodeEnv === "development",
    upgradeInsecureRequests: env.publicUrl?.startsWith("https:") ?? false,
  });
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** The API's docs pages (Swagger UI, ReDoc) are pages: they run scripts, under the nonce CSP. */
const isDocsPage = (pathname: string) => /^\/api\/(docs|redoc)(\/|$)/.test(pathname);

export const config = {
  matcher: [
    "/api/auth/:path*",
    "/api/docs/:path*",
    "/api/redoc/:path*",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // Prefetches fetch RSC payloads, not HTML: no script runs from them.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
