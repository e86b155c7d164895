import { afterAll, beforeAll, describe } from "vitest";
import { createUpstashStore } from "@/lib/kv/upstash";
import type { KeyValueStore } from "@/lib/kv/types";
import { startUpstashProxy } from "../support/upstash-proxy";
import { kvContract } from "../support/kv-contract";

describe("Upstash KeyValueStore against a real redis-server", () => {
  let proxy: Awaited<ReturnType<typeof startUpstashProxy>>;
  let store: KeyValueStore;

  beforeAll(async () => {
    proxy = await startUpstashProxy(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", "test-token");
    store = createUpstashStore({ url: proxy.url, token: "test-token" });
  });
  afterAll(async () => proxy?.close());

  kvContract(() => store);
});
