import "server-only";

/**
 * A process's cache of answers: bounded by entries and bytes, least recently used out, so memory
 * does not grow with tenants; one computation runs once however many callers ask at once; with
 * `ttlMs`, an answer is computed again once that old.
 */
export type AnswerCache = {
  /** `compute()`'s answer for `key`, from the cache when it is there; `size` estimates an answer's bytes. */
  get<T>(key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T>;
  /** Forgets the answer for `key`. */
  delete(key: string): void;
};

type Entry = { value: Promise<unknown>; bytes: number; at: number };

export function answerCache({
  maxEntries,
  maxBytes,
  ttlMs = Infinity,
}: {
  maxEntries: number;
  maxBytes: number;
  ttlMs?: number;
}): AnswerCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const evict = () => {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      entries.delete(key);
      bytes -= entry.bytes;
    }
  };
  return {
    async get<T>(key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at > ttlMs) forget(key);
      else if (hit) {
        // Most recently used last: a Map iterates in insertion order.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const entry: Entry = { value: compute(), bytes: 0, at: Date.now() };
      entries.set(key, entry);
      try {
        const value = (await entry.value) as T;
        if (entries.get(key) === entry) {
          entry.bytes = size(value);
          bytes += entry.bytes;
          evict();
        }
        return value;
      } catch (error) {
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      }
    },
    delete: forget,
  };
}

const globalForCache = globalThis as unknown as { aosViewAnswers?: AnswerCache; aosRecentBuilds?: AnswerCache };

/**
 * Answers of unified-view queries, keyed by the build they read. A build never changes, so an
 * answer cached under its id is never stale, and a new build is a new key. On globalThis: one per
 * process, whatever the bundle.
 */
export const viewAnswers: AnswerCache = (globalForCache.aosViewAnswers ??= answerCache({ maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 }));

/**
 * Each tenant's current build as readers see it, for at most a second: a build made in this
 * process replaces it at once (lib/dcl/views/rebuild.ts), one made on another machine is seen
 * within a second.
 */
export const recentBuilds: AnswerCache = (globalForCache.aosRecentBuilds ??= answerCache({
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
  ttlMs: 1_000,
}));
