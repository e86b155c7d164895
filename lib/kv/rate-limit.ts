import { RateLimitedError } from "@/lib/errors";
import type { KeyValueStore } from "@/lib/kv/types";

/** Where a limit stands after a hit: how many the window allows, how many are left, and when it resets. */
export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

/** Fixed-window limiter: throws RateLimitedError once `limit` hits land within the window. */
export async function enforceRateLimit(
  kv: KeyValueStore,
  key: string,
  { limit, windowSeconds, reason }: { limit: number; windowSeconds: number; reason?: string },
): Promise<RateLimitState> {
  const { count, resetInMs } = await kv.incrementWindow(`ratelimit:${key}`, windowSeconds * 1000);
  const resetSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
  if (count > limit) throw new RateLimitedError(resetSeconds, { limit, reason });
  return { limit, remaining: limit - count, resetSeconds };
}

/** The RateLimit-* fields (IETF draft `RateLimit` header fields, as GitHub and others send them). */
export function rateLimitHeaders({ limit, remaining, resetSeconds }: RateLimitState): Record<string, string> {
  return { "ratelimit-limit": String(limit), "ratelimit-remaining": String(remaining), "ratelimit-reset": String(resetSeconds) };
}
