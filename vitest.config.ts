import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // `server-only` throws outside React Server Components; tests run domain code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const shared = { resolve: { alias } };

export default defineConfig({
  ...shared,
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: { AUTH_SECRET: "unit-test-secret-unit-test-secret-0123", LOG_LEVEL: "error" } } },
      // Each connector against its real peer: files, the machine's PostgreSQL, local Salesforce- and MongoDB-speaking servers.
      { ...shared, test: { name: "connectors", include: ["tests/connectors/**/*.test.ts"], testTimeout: 30_000, env: { LOG_LEVEL: "error", TEST_POSTGRES_URL: postgresUrl } } },
      {
        ...shared,
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/setup-embedded.ts"],
          env: { AUTH_SECRET: "integration-secret-integration-secret-01", LOG_LEVEL: "error", DATABASE_URL: "", UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "" },
        },
      },
      {
        ...shared,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup-postgres.ts"],
          env: { AUTH_SECRET: "integration-secret-integration-secret-01", LOG_LEVEL: "error", DATABASE_URL: postgresUrl },
        },
      },
      {
        ...shared,
        test: {
          name: "redis",
          include: ["tests/redis/**/*.test.ts"],
          env: { AUTH_SECRET: "unit-test-secret-unit-test-secret-0123", LOG_LEVEL: "error", TEST_REDIS_URL: redisUrl },
        },
      },
    ],
  },
});
