import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "@/lib/env";

describe("environment parsing", () => {
  it("defaults to the embedded database, in-process redis and jobs", () => {
    const env = parseEnv({});
    expect(env.database).toEqual({ mode: "embedded", dataDir: ".data" });
    expect(env.redis.mode).toBe("memory");
    expect(env.seedDemo).toBe(true);
  });

  it("selects server mode from DATABASE_URL and turns demo seeding off by default", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u@db:5432/app" });
    expect(env.database).toEqual({ mode: "server", url: "postgresql://u@db:5432/app" });
    expect(env.seedDemo).toBe(false);
  });

  it("rejects bad values with a message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: "http://localhost:8079" })).toThrow(/UPSTASH_REDIS_REST_TOKEN/);
    expect(() => parseEnv({ AOS_ALLOW_DESTRUCTIVE_MIGRATIONS: "maybe" })).toThrow(InvalidEnvironmentError);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    // Machines sharing an object store must share their locks.
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://aos.example.com", AOS_STORE_URL: "s3://bucket/aos" })).toThrow(
      /UPSTASH_REDIS_REST_URL/,
    );
  });
});
