import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for changes made with the session cookie (SameSite=Lax alone
 * lets a form or top-level navigation through, and a change with no body needs no content type).
 * A POST, PUT, PATCH or DELETE without an Authorization header must come from this site: its
 * Origin is NEXTAUTH_URL's origin (or, when that is unset in development, has the request's own
 * Host; X-Forwarded-Host is never read). Without an Origin, `Sec-Fetch-Site: same-origin` is
 * accepted. Bearer-token calls pass: a browser never adds that header on another site's behalf.
 * Throws ForbiddenError (403).
 */
export function assertSameOriginMutation(req: Request, publicUrl: string | undefined = env.publicUrl): void {
  if (SAFE_METHODS.has(req.method.toUpperCase()) || req.headers.has("authorization")) return;
  if (isSameOrigin(req.headers, publicUrl)) return;
  throw new ForbiddenError(
    "Cross-site request refused: changes made with the sign-in cookie must come from this site (send an Origin header matching it, or use a bearer token)",
  );
}

/** Whether the request comes from this site's pages (see assertSameOriginMutation). */
export function isSameOrigin(headers: Headers, publicUrl: string | undefined = env.publicUrl): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "same-origin";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin
  }
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  const host = headers.get("host");
  if (host === null || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return false;
  try {
    return parsed.host === new URL(`${parsed.protocol}//${host.trim()}`).host;
  } catch {
    return false;
  }
}
