/**
 * The small Redis-shaped interface the platform needs: counters with a window, locks with a TTL,
 * short-lived values and pub/sub. Implemented by Upstash (production) and in-process (embedded default).
 */
export interface KeyValueStore {
  readonly mode: "memory" | "upstash";
  ping(): Promise<void>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { ttlMs?: number }): Promise<void>;
  del(key: string): Promise<void>;
  /** Increments a counter that expires `windowMs` after its first increment. */
  incrementWindow(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Takes the lock if free; returns an owner token, or null when someone else holds it. */
  tryLock(key: string, ttlMs: number): Promise<string | null>;
  /** Releases the lock only if `token` still owns it. */
  unlock(key: string, token: string): Promise<boolean>;
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
}
