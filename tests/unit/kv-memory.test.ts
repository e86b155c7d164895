import { describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/kv/memory";
import { kvContract } from "../support/kv-contract";

describe("in-process KeyValueStore", () => {
  const store = createMemoryStore();
  kvContract(() => store);
});

describe("in-process KeyValueStore housekeeping", () => {
  it("sweeps expired keys that are never read again", async () => {
    let clock = 1_000_000;
    const store = createMemoryStore(() => clock);
    for (let i = 0; i < 100; i++) await store.incrementWindow(`ratelimit:ip:10.0.0.${i}`, 1_000);
    await store.set("kept", "forever");
    expect(store.size).toBe(101);
    clock += 61_000;
    await store.incrementWindow("ratelimit:ip:fresh", 1_000);
    expect(store.size).toBe(2);
    expect(await store.get("kept")).toBe("forever");
  });
});
