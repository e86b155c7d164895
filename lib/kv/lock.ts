import { ConflictError } from "@/lib/errors";
import type { KeyValueStore } from "@/lib/kv/types";

/**
 * Runs `fn` while holding `lock:<key>`, waiting up to `waitMs` for it.
 * The TTL bounds how long a crashed holder can block others.
 */
export async function withLock<T>(
  kv: KeyValueStore,
  key: string,
  fn: () => Promise<T>,
  { ttlMs = 60_000, waitMs = 30_000, pollMs = 50 }: { ttlMs?: number; waitMs?: number; pollMs?: number } = {},
): Promise<T> {
  const lockKey = `lock:${key}`;
  const deadline = Date.now() + waitMs;
  let token = await kv.tryLock(lockKey, ttlMs);
  while (!token) {
    if (Date.now() >= deadline) throw new ConflictError(`"${key}" is busy, try again shortly`);
    await new Promise((r) => setTimeout(r, pollMs));
    token = await kv.tryLock(lockKey, ttlMs);
  }
  try {
    return await fn();
  } finally {
    await kv.unlock(lockKey, token);
  }
}
