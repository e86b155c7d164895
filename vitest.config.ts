import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // `server-only` throws outside React Server Components; tests run domain code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/aos_test";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// The tests' local peers (fake Salesforce, MongoDB and Slack, the machine's PostgreSQL) are on
// loopback, which the outbound policy refuses unless allow-listed; the refusal tests clear it.
const outboundAllow = "127.0.0.1";

const shared = { resolve: { alias } };
// Projects do not inherit the root's test options.
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  ...shared,
  test: {
    pool: "forks",
    projects: [
      {
        ...shared,
        test: {
          ...timeouts,
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          env: { AUTH_SECRET: "unit-test-secret-unit-test-secret-0123", LOG_LEVEL: "error" },
        },
      },
      // Each connector against its real peer: files, the machine's PostgreSQL, local Salesforce- and MongoDB-speaking servers.
      {
        ...shared,
        test: {
          ...timeouts,
          name: "connectors",
          include: ["tests/connectors/**/*.test.ts"],
          env: { LOG_LEVEL: "error", TEST_POSTGRES_URL: postgresUrl, AOS_OUTBOUND_ALLOW: outboundAllow },
        },
      },
      {
        ...shared,
        test: {
          ...timeouts,
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/setup-embedded.ts"],
          env: {
            AUTH_SECRET: "integration-secret-integration-secret-01",
            LOG_LEVEL: "error",
            DATABASE_URL: "",
            UPSTASH_REDIS_REST_URL: "",
            UPSTASH_REDIS_REST_TOKEN: "",
            AOS_OUTBOUND_ALLOW: outboundAllow,
          },
        },
      },
      {
        ...shared,
        test: {
          ...timeouts,
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup-postgres.ts"],
          env: {
            AUTH_SECRET: "integration-secret-integration-secret-01",
            LOG_LEVEL: "error",
            DATABASE_URL: postgresUrl,
            AOS_OUTBOUND_ALLOW: outboundAllow,
          },
        },
      },
      {
        ...shared,
        test: {
          ...timeouts,
          name: "redis",
          include: ["tests/redis/**/*.test.ts"],
          env: { AUTH_SECRET: "unit-test-secret-unit-test-secret-0123", LOG_LEVEL: "error", TEST_REDIS_URL: redisUrl },
        },
      },
    ],
  },
});
