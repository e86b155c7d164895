import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function startWorker(dataDir: string, ...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/engine-worker.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", AOS_DATA_DIR: dataDir, LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const exited = new Promise<string>((resolve) => child.on("close", () => resolve(out)));
  return { child, exited };
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : []);

describe.skipIf(Boolean(process.env.DATABASE_URL))("embedded engine killed mid-task", () => {
  it("resumes after a restart: loses no task, re-runs no completed step, completes once", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "aos-crash-"));
    const file = path.join(dataDir, "steps.log");

    const first = startWorker(dataDir, file, "create", "3000");
    await expect.poll(() => lines(file), { timeout: 60_000, interval: 100 }).toContain("b-start");
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startWorker(dataDir, file, "resume", "200");
    const task = JSON.parse((await second.exited).trim().split("\n").pop()!);
    expect(task.status).toBe("success");
    expect(lines(file)).toEqual(["a", "b-start", "b-start", "b-end"]);
    expect(task.attempts).toBe(2);
    expect(task.history.map((h: { status: string; error: { kind: string } | null }) => [h.status, h.error?.kind ?? null])).toEqual([
      ["failed", "lease_expired"],
      ["succeeded", null],
    ]);
  }, 120_000);
});
