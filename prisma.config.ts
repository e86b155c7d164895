import { defineConfig } from "prisma/config";

// The CLI reads the schema and migrations from here. The app applies migrations itself
// (lib/db/migrate.ts); DATABASE_URL is only needed for the stock `prisma migrate` commands.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
