import { describe, expect, it } from "vitest";
import { answerCache } from "@/lib/dcl/views/page-cache";

describe("the view answer cache", () => {
  it("answers a repeated key from memory and runs one query for callers asking at once", async () => {
    const cache = answerCache({ maxEntries: 10, maxBytes: 1_000 });
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { total: 1 };
    };
    const answers = await Promise.all([
      cache.get("k", compute, () => 10),
      cache.get("k", compute, () => 10),
      cache.get("k", compute, () => 10),
    ]);
    expect(answers).toEqual([{ total: 1 }, { total: 1 }, { total: 1 }]);
    await cache.get("k", compute, () => 10);
    expect(runs).toBe(1);
  });

  it("keeps to its bounds, least recently used out, and never keeps a failure", async () => {
    const cache = answerCache({ maxEntries: 2, maxBytes: 100 });
    const runs: string[] = [];
    const get = (key: string, bytes = 10) =>
      cache.get(
        key,
        async () => (runs.push(key), key),
        () => bytes,
      );
    await get("a");
    await get("b");
    await get("a"); // a is now the most recently used
    await get("c"); // over two entries: b goes
    await get("a");
    await get("b");
    expect(runs).toEqual(["a", "b", "c", "b"]);

    await get("big", 500); // over the bytes: everything older goes, then itself
    await get("a");
    expect(runs.at(-1)).toBe("a");

    let fail = true;
    const flaky = () =>
      cache.get(
        "f",
        async () => {
          if (fail) throw new Error("boom");
          return "ok";
        },
        () => 1,
      );
    await expect(flaky()).rejects.toThrow("boom");
    fail = false;
    expect(await flaky()).toBe("ok");
  });

  it("computes an answer again once older than its time to live, or once deleted", async () => {
    const cache = answerCache({ maxEntries: 10, maxBytes: 1_000, ttlMs: 20 });
    let runs = 0;
    const get = () =>
      cache.get(
        "build",
        async () => ++runs,
        () => 1,
      );
    expect([await get(), await get()]).toEqual([1, 1]);
    await new Promise((r) => setTimeout(r, 30));
    expect(await get()).toBe(2);
    cache.delete("build");
    expect(await get()).toBe(3);
  });
});
