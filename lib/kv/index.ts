import "server-only";
import { env } from "@/lib/env";
import { createMemoryStore } from "@/lib/kv/memory";
import { createUpstashStore } from "@/lib/kv/upstash";
import type { KeyValueStore } from "@/lib/kv/types";

export type { KeyValueStore } from "@/lib/kv/types";

const globalForKv = globalThis as unknown as { aosKv?: KeyValueStore };

/** The process-wide store: Upstash when configured, in-process otherwise. */
export function getKv(): KeyValueStore {
  globalForKv.aosKv ??= env.redis.mode === "upstash" ? createUpstashStore(env.redis) : createMemoryStore();
  return globalForKv.aosKv;
}
