import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { createMemoryStore } from "@/lib/kv/memory";
import { assertNotDelayed, clearFailures, failureDelayMs, recordFailure } from "@/lib/kv/failure-delay";

const policy = { freeFailures: 3, maxDelayMs: 60_000 };

describe("growing delay after failures", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-01-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("costs nothing for the free failures, then doubles from one second up to the cap", () => {
    expect([0, 1, 2].map((n) => failureDelayMs(n, policy))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => failureDelayMs(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(failureDelayMs(9, policy)).toBe(60_000);
    expect(failureDelayMs(10_000, policy)).toBe(60_000);
  });

  it("makes the next attempt wait after the free failures, with a Retry-After that grows", async () => {
    const kv = createMemoryStore();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await assertNotDelayed(kv, "k", "Too many");
      await recordFailure(kv, "k", policy);
    }
    for (let i = 0; i < 4; i++) {
      const error = await assertNotDelayed(kv, "k", "Too many").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      waits.push((error as RateLimitedError).retryAfterSeconds);
      vi.setSystemTime(Date.now() + waits[i] * 1000);
      await assertNotDelayed(kv, "k", "Too many"); // the wait is over: this attempt may run
      await recordFailure(kv, "k", policy);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it("checks several keys at once and answers with the longest wait among them", async () => {
    const kv = createMemoryStore();
    for (let i = 0; i < 4; i++) await recordFailure(kv, "short", policy);
    for (let i = 0; i < 6; i++) await recordFailure(kv, "long", policy);
    const error = await assertNotDelayed(kv, ["free", "short", "long"], "Too many").catch((e: unknown) => e);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(8);
    await assertNotDelayed(kv, ["free", "other"], "Too many");
  });

  it("clears on success and keeps other keys apart", async () => {
    const kv = createMemoryStore();
    for (let i = 0; i < 5; i++) await recordFailure(kv, "a", policy);
    await expect(assertNotDelayed(kv, "a", "Too many")).rejects.toBeInstanceOf(RateLimitedError);
    await expect(assertNotDelayed(kv, "b", "Too many")).resolves.toBeUndefined();
    await clearFailures(kv, "a");
    await expect(assertNotDelayed(kv, "a", "Too many")).resolves.toBeUndefined();
    await recordFailure(kv, "a", policy); // the count starts over
    await expect(assertNotDelayed(kv, "a", "Too many")).resolves.toBeUndefined();
  });
});
