import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Set before lib/env is loaded: a bound of two, a second of idle time, a data folder of its own.
process.env.AOS_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "aos-duckdb-pool-"));
process.env.AOS_DUCKDB_MAX_OPEN = "2";
process.env.AOS_DUCKDB_IDLE_SECONDS = "1";
const { closeDuckDbs, openDuckDbTenants, withDuckDb } = await import("@/lib/dcl/views/duckdb");

const answer = (tenantId: string) => withDuckDb(tenantId, async (duck) => (await duck.runAndReadAll("SELECT 42 AS n")).getRowObjects()[0]!.n);

// Idle time is the test's clock, not the machine's: a slow run cannot close an instance early.
beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
afterEach(async () => {
  vi.useRealTimers();
  await closeDuckDbs();
});

describe("tenant DuckDB instances", () => {
  it("keeps at most AOS_DUCKDB_MAX_OPEN open, closing the least recently used", async () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const t of [a, b, c]) await answer(t);
    expect(openDuckDbTenants()).toEqual([b, c]);
    await answer(b);
    await answer(d);
    expect(openDuckDbTenants()).toEqual([b, d]);
    // A closed one reopens on demand with its data.
    await withDuckDb(a, (duck) => duck.run("CREATE TABLE kept AS SELECT 7 AS n"));
    await answer(b);
    await answer(c);
    expect(openDuckDbTenants()).not.toContain(a);
    expect(await withDuckDb(a, async (duck) => (await duck.runAndReadAll("SELECT n FROM kept")).getRowObjects())).toEqual([{ n: 7 }]);
  });

  it("closes an instance left idle", async () => {
    const t = randomUUID();
    await answer(t);
    vi.advanceTimersByTime(999);
    expect(openDuckDbTenants()).toEqual([t]);
    vi.advanceTimersByTime(1);
    expect(openDuckDbTenants()).toEqual([]);
  });

  it("never closes an instance under a reader, and closes it once the reader is done", async () => {
    const busy = randomUUID();
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    const reader = withDuckDb(busy, async (duck) => {
      await duck.run("CREATE TABLE t AS SELECT range AS n FROM range(1000)");
      await done;
      return (await duck.runAndReadAll("SELECT count(*)::INTEGER AS n FROM t")).getRowObjects()[0]!.n;
    });
    await vi.waitFor(() => expect(openDuckDbTenants()).toContain(busy));
    for (let i = 0; i < 3; i++) await answer(randomUUID());
    // The busy one stays; the idle ones respect the bound around it.
    expect(openDuckDbTenants()).toContain(busy);
    expect(openDuckDbTenants()).toHaveLength(2);
    // Idle time passes while it is busy: still open.
    vi.advanceTimersByTime(1_300);
    expect(openDuckDbTenants()).toContain(busy);
    finish();
    expect(await reader).toBe(1000);
    vi.advanceTimersByTime(1_000);
    expect(openDuckDbTenants()).not.toContain(busy);
  });

  it("shares one instance per file between separately loaded copies of the module", async () => {
    const t = randomUUID();
    await answer(t);
    vi.resetModules();
    const fresh = await import("@/lib/dcl/views/duckdb");
    expect(fresh.withDuckDb).not.toBe(withDuckDb);
    expect(fresh.openDuckDbTenants()).toEqual([t]);
    await fresh.withDuckDb(t, (duck) => duck.run("CREATE TABLE shared AS SELECT 1 AS n"));
    expect(openDuckDbTenants()).toEqual([t]);
    expect(await withDuckDb(t, async (duck) => (await duck.runAndReadAll("SELECT n FROM shared")).getRowObjects())).toEqual([{ n: 1 }]);
  });
});
