/**
 * The Content-Security-Policy of every page (proxy.ts sends it; the REST API's stricter one and
 * the other security headers are in next.config.mjs). Scripts run only with the request's nonce,
 * which Next.js puts on its own scripts when the page renders per request ('strict-dynamic' lets
 * those load their chunks). Styles allow inline attributes: React Flow positions nodes with them,
 * and a nonce cannot cover a style attribute. Development adds 'unsafe-eval' (React's dev tooling)
 * and WebSockets (hot reload).
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  upgradeInsecureRequests,
}: {
  nonce: string;
  dev: boolean;
  upgradeInsecureRequests: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(upgradeInsecureRequests ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: a fresh one for every page request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
