import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const longSecret = "x".repeat(32);

describe("web and sign-in configuration", () => {
  it("requires NEXTAUTH_URL in production, but not while `next build` runs", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_URL: required in production/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://aos.example.com" }).publicUrl).toBe("https://aos.example.com");
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
  });

  it("accepts only an http(s) NEXTAUTH_URL", () => {
    expect(() => parseEnv({ NEXTAUTH_URL: "javascript:alert(1)" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ NEXTAUTH_URL: "ftp://aos.example.com" })).toThrow(/NEXTAUTH_URL/);
  });

  it("refuses an AUTH_SECRET or NEXTAUTH_SECRET shorter than 32 characters, naming it", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(31) })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(parseEnv({ NEXTAUTH_SECRET: longSecret }).authSecret).toBe(longSecret);
  });

  it("reads AOS_TRUSTED_PROXIES as addresses and CIDR ranges, refusing anything else by name", () => {
    expect(parseEnv({}).trustedProxies).toEqual([]);
    expect(parseEnv({ AOS_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.1,fd00::/8" }).trustedProxies).toHaveLength(3);
    expect(() => parseEnv({ AOS_TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" })).toThrow(
      /AOS_TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range/,
    );
    expect(() => parseEnv({ AOS_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/AOS_TRUSTED_PROXIES/);
  });

  it("reads the sign-in delay settings", () => {
    expect(parseEnv({}).signInLimits).toEqual({ failuresBeforeDelay: 10, maxDelayMs: 900_000 });
    expect(parseEnv({ LOGIN_FAILURES_BEFORE_DELAY: "5", LOGIN_MAX_DELAY_SECONDS: "60" }).signInLimits).toEqual({
      failuresBeforeDelay: 5,
      maxDelayMs: 60_000,
    });
    expect(() => parseEnv({ LOGIN_FAILURES_BEFORE_DELAY: "0" })).toThrow(/LOGIN_FAILURES_BEFORE_DELAY/);
  });
});
