import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { KeyValueStore } from "@/lib/kv/types";
import { withLock } from "@/lib/kv/lock";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { RateLimitedError } from "@/lib/errors";

/** The behaviour every KeyValueStore must have; run against each implementation. */
export function kvContract(getStore: () => KeyValueStore) {
  const key = (name: string) => `test:${name}:${randomUUID()}`;

  it("answers ping and stores values with and without a TTL", async () => {
    const kv = getStore();
    await kv.ping();
    const k = key("value");
    expect(await kv.get(k)).toBeNull();
    await kv.set(k, "hello");
    expect(await kv.get(k)).toBe("hello");
    await kv.set(k, "short", { ttlMs: 50 });
    await new Promise((r) => setTimeout(r, 120));
    expect(await kv.get(k)).toBeNull();
    await kv.set(k, "x");
    await kv.del(k);
    expect(await kv.get(k)).toBeNull();
  });

  it("counts within a window and restarts after it", async () => {
    const kv = getStore();
    const k = key("window");
    expect((await kv.incrementWindow(k, 150)).count).toBe(1);
    const second = await kv.incrementWindow(k, 150);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(150);
    await new Promise((r) => setTimeout(r, 250));
    expect((await kv.incrementWindow(k, 150)).count).toBe(1);
  });

  it("rate limits after the limit within the window", async () => {
    const kv = getStore();
    const k = key("limit");
    for (let i = 0; i < 3; i++) await enforceRateLimit(kv, k, { limit: 3, windowSeconds: 60 });
    await expect(enforceRateLimit(kv, k, { limit: 3, windowSeconds: 60 })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("grants a lock to one holder at a time and lets only the holder release it", async () => {
    const kv = getStore();
    const k = key("lock");
    const token = await kv.tryLock(k, 5_000);
    expect(token).toBeTruthy();
    expect(await kv.tryLock(k, 5_000)).toBeNull();
    expect(await kv.unlock(k, "not-the-owner")).toBe(false);
    expect(await kv.unlock(k, token!)).toBe(true);
    expect(await kv.tryLock(k, 5_000)).toBeTruthy();
  });

  it("expires an abandoned lock after its TTL", async () => {
    const kv = getStore();
    const k = key("ttl-lock");
    expect(await kv.tryLock(k, 100)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await kv.tryLock(k, 100)).toBeTruthy();
  });

  it("serializes critical sections with withLock", async () => {
    const kv = getStore();
    const k = key("critical");
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withLock(
          kv,
          k,
          async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await new Promise((r) => setTimeout(r, 20));
            inside--;
          },
          { pollMs: 10 },
        ),
      ),
    );
    expect(maxInside).toBe(1);
  });

  it("delivers published messages to subscribers until they unsubscribe", async () => {
    const kv = getStore();
    const channel = key("channel");
    const received: string[] = [];
    const unsubscribe = await kv.subscribe(channel, (m) => received.push(m));
    await kv.publish(channel, JSON.stringify({ n: 1 }));
    await kv.publish(channel, "plain, text");
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(2);
    expect(received).toEqual(['{"n":1}', "plain, text"]);
    await unsubscribe();
    await kv.publish(channel, "after");
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(2);
  });
}
