import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

type Report = { ok: boolean; role?: string; error?: string };

function worker(dataDir: string, ...args: string[]): { done: Promise<Report>; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/embedded-worker.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", AOS_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let markReady: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("\n")) markReady();
  });
  child.stderr.on("data", (d) => (err += d));
  const done = new Promise<Report>((resolve) =>
    child.on("close", () => {
      markReady();
      const line = out.trim().split("\n").pop() ?? "";
      resolve(line.startsWith("{") ? JSON.parse(line) : { ok: false, error: err || out });
    }),
  );
  return { done, ready };
}

async function countTenants(dataDir: string, prefix: string): Promise<number> {
  const db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { vector } });
  try {
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tenants WHERE name LIKE $1", [`${prefix}%`]);
    return rows[0].n;
  } finally {
    await db.close();
  }
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("embedded database shared by several processes", () => {
  it("lets a CLI work beside a running server, serializing their transactions, and loses nothing", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "aos-multi-"));
    const server = worker(dataDir, "server", "srv", "20", "10000");
    await server.ready;
    const [cliA, cliB] = [worker(dataDir, "cli", "cliA", "20"), worker(dataDir, "cli", "cliB", "20")];
    const reports = await Promise.all([server.done, cliA.done, cliB.done]);
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    expect(reports.map((r) => r.role)).toEqual(["owner", "guest", "guest"]);
    expect(await countTenants(dataDir, "srv")).toBe(20);
    expect(await countTenants(dataDir, "cli")).toBe(40);
  }, 120_000);

  it("refuses a second server on the same data folder with a clear message", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "aos-multi-"));
    const first = worker(dataDir, "server", "one", "1", "3000");
    await first.ready;
    const second = await worker(dataDir, "server", "two", "1").done;
    expect(second.ok).toBe(false);
    expect(second.error).toMatch(/Another AutonomOS server \(pid \d+\) is using the embedded database/);
    expect((await first.done).ok).toBe(true);
  }, 120_000);

  it("takes over a lock left by a process that died", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "aos-multi-"));
    writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, kind: "server", port: 1 }));
    const report = await worker(dataDir, "server", "after-crash", "1").done;
    expect(report).toMatchObject({ ok: true, role: "owner" });
  }, 120_000);
});
