import "server-only";

/**
 * Answers of unified-view queries, keyed by the build they read. A build never changes, so an
 * answer cached under its id is never stale, and a new build is a new key (readers still look the
 * current build up on every request). Bounded by entries and bytes, least recently used out, so
 * memory does not grow with tenants; one query runs once however many callers ask it at once.
 */
export type AnswerCache = {
  /** `compute()`'s answer for `key`, from the cache when it is there; `size` estimates an answer's bytes. */
  get<T>(key: string, compute: () => Promise<T>, size: (value: T) => number): Promise<T>;
};

type Entry = { value: Promise<unknown>; bytes: number };

export function answerCache({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }): AnswerCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
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
      if (hit) {
        // Most recently used last: a Map iterates in insertion order.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const entry: Entry = { value: compute(), bytes: 0 };
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
  };
}

const globalForCache = globalThis as unknown as { aosViewAnswers?: AnswerCache };

/** The process's cache of view answers (on globalThis: one per process, whatever the bundle). */
export const viewAnswers: AnswerCache = (globalForCache.aosViewAnswers ??= answerCache({ maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 }));
