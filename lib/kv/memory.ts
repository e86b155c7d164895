import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { KeyValueStore } from "@/lib/kv/types";

type Entry = { value: string; expiresAt: number | null };

const SWEEP_EVERY_MS = 60_000;

/**
 * In-process KeyValueStore for the embedded default (one process). Expired entries are dropped
 * when read, and swept at most once a minute on write, so keys that are never read again (a rate
 * limit per client address) do not accumulate for the life of the server. The clock is read at
 * each use, not captured, so TTLs and callers that compare with Date.now() agree on the time.
 */
export function createMemoryStore(now: () => number = () => Date.now()): KeyValueStore & { readonly size: number } {
  const data = new Map<string, Entry>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let lastSweep = now();

  const write = (key: string, entry: Entry) => {
    data.set(key, entry);
    if (now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now();
    for (const [k, e] of data) if (e.expiresAt !== null && e.expiresAt <= lastSweep) data.delete(k);
  };

  const read = (key: string): Entry | undefined => {
    const entry = data.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now()) {
      data.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    mode: "memory",
    get size() {
      return data.size;
    },
    async ping() {},
    async get(key) {
      return read(key)?.value ?? null;
    },
    async set(key, value, options) {
      write(key, { value, expiresAt: options?.ttlMs ? now() + options.ttlMs : null });
    },
    async del(key) {
      data.delete(key);
    },
    async incrementWindow(key, windowMs) {
      const entry = read(key);
      if (!entry) {
        const expiresAt = now() + windowMs;
        write(key, { value: "1", expiresAt });
        return { count: 1, resetInMs: windowMs };
      }
      entry.value = String(Number(entry.value) + 1);
      return { count: Number(entry.value), resetInMs: Math.max(0, (entry.expiresAt ?? now()) - now()) };
    },
    async tryLock(key, ttlMs) {
      if (read(key)) return null;
      const token = randomUUID();
      write(key, { value: token, expiresAt: now() + ttlMs });
      return token;
    },
    async unlock(key, token) {
      if (read(key)?.value !== token) return false;
      data.delete(key);
      return true;
    },
    async publish(channel, message) {
      bus.emit(channel, message);
    },
    async subscribe(channel, onMessage) {
      bus.on(channel, onMessage);
      return async () => {
        bus.off(channel, onMessage);
      };
    },
  };
}
