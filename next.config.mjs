/**
 * Security headers on every response. Pages also get a per-request Content-Security-Policy with a
 * nonce from proxy.ts; the REST API answers JSON and needs no script, style or frame at all.
 * HSTS only from a production build (browsers ignore it over plain http anyway).
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native, WASM and database packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    "@duckdb/node-api",
    "@duckdb/node-bindings",
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "pg",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Every API route but the docs pages (/api/docs, /api/redoc), which get the pages' nonce CSP from proxy.ts.
      { source: "/api/:path((?!docs(?:/|$)|redoc(?:/|$)).*)", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
  async redirects() {
    return [{ source: "/api-docs", destination: "/api/docs", permanent: true }];
  },
};

export default nextConfig;
