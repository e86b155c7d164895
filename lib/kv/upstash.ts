import { randomUUID } from "node:crypto";
import { Redis } from "@upstash/redis";
import type { KeyValueStore } from "@/lib/kv/types";

const INCREMENT_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** KeyValueStore over Upstash's REST protocol (Upstash, or any compatible endpoint). */
export function createUpstashStore(config: { url: string; token: string }): KeyValueStore {
  const redis = new Redis({
    url: config.url,
    token: config.token,
    automaticDeserialization: false,
    enableTelemetry: false,
  });

  return {
    mode: "upstash",
    async ping() {
      await redis.ping();
    },
    async get(key) {
      return (await redis.get<string>(key)) ?? null;
    },
    async set(key, value, options) {
      if (options?.ttlMs) await redis.set(key, value, { px: options.ttlMs });
      else await redis.set(key, value);
    },
    async del(key) {
      await redis.del(key);
    },
    async incrementWindow(key, windowMs) {
      const [count, pttl] = await redis.eval<[string], [number, number]>(INCREMENT_WINDOW, [key], [String(windowMs)]);
      return { count: Number(count), resetInMs: Math.max(0, Number(pttl)) };
    },
    async tryLock(key, ttlMs) {
      const token = randomUUID();
      const ok = await redis.set(key, token, { nx: true, px: ttlMs });
      return ok === "OK" ? token : null;
    },
    async unlock(key, token) {
      return Number(await redis.eval<[string], number>(UNLOCK, [key], [token])) === 1;
    },
    async publish(channel, message) {
      await redis.publish(channel, message);
    },
    async subscribe(channel, onMessage) {
      const subscriber = redis.subscribe<string>([channel]);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`subscribe to ${channel} timed out`)), 5_000);
          subscriber.on("subscribe", () => {
            clearTimeout(timer);
            resolve();
          });
          subscriber.on("error", (error: Error) => {
            clearTimeout(timer);
            reject(error);
          });
        });
      } catch (error) {
        await subscriber.unsubscribe(); // do not leave the event stream open
        throw error;
      }
      subscriber.on("message", ({ message }: { message: string }) => onMessage(String(message)));
      return () => subscriber.unsubscribe();
    },
  };
}
