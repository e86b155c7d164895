import { RateLimitedError } from "@/lib/errors";
import type { KeyValueStore } from "@/lib/kv/types";

/** Fixed-window limiter: throws RateLimitedError once `limit` hits land within the window. */
export async function enforceRateLimit(
  kv: KeyValueStore,
  key: string,
  { limit, windowSeconds, reason }: { limit: number; windowSeconds: number; reason?: string },
): Promise<void> {
  const { count, resetInMs } = await kv.incrementWindow(`ratelimit:${key}`, windowSeconds * 1000);
  if (count > limit) throw new RateLimitedError(Math.max(1, Math.ceil(resetInMs / 1000)), { limit, reason });
}
