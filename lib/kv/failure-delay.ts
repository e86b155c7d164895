import { RateLimitedError } from "@/lib/errors";
import type { KeyValueStore } from "@/lib/kv/types";

/**
 * A growing delay after repeated failures, instead of a lock-out: the first `freeFailures` failures
 * cost nothing, then every further attempt must wait 1 s, 2 s, 4 s ... (up to `maxDelayMs`) after
 * the last failure. Only failures count, and failures are forgotten a day after the first one.
 */
export type FailureDelayPolicy = { freeFailures: number; maxDelayMs: number };

const FIRST_DELAY_MS = 1_000;
const FORGET_AFTER_MS = 24 * 3600_000;

/** The wait that `failures` failures earn under `policy`. */
export function failureDelayMs(failures: number, { freeFailures, maxDelayMs }: FailureDelayPolicy): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(failures - freeFailures, 40));
}

/**
 * Throws RateLimitedError while any of `keys` is still waiting after its last failure, with the
 * seconds left of the longest wait. The keys are read together (one round trip's time).
 */
export async function assertNotDelayed(kv: KeyValueStore, keys: string | string[], reason: string): Promise<void> {
  const until = await Promise.all([keys].flat().map(async (key) => Number(await kv.get(waitKey(key)))));
  const leftMs = Math.max(0, ...until) - Date.now();
  if (leftMs > 0) throw new RateLimitedError(Math.ceil(leftMs / 1000), { reason });
}

/** Counts one failure for `key` and starts the wait it earns. */
export async function recordFailure(kv: KeyValueStore, key: string, policy: FailureDelayPolicy): Promise<void> {
  const { count } = await kv.incrementWindow(countKey(key), FORGET_AFTER_MS);
  const delayMs = failureDelayMs(count, policy);
  if (delayMs > 0) await kv.set(waitKey(key), String(Date.now() + delayMs), { ttlMs: delayMs });
}

export async function clearFailures(kv: KeyValueStore, key: string): Promise<void> {
  await Promise.all([kv.del(countKey(key)), kv.del(waitKey(key))]);
}

const countKey = (key: string) => `failures:${key}:count`;
const waitKey = (key: string) => `failures:${key}:wait`;
