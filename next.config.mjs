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
};

export default nextConfig;
