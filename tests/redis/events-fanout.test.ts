import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUpstashProxy } from "../support/upstash-proxy";

/*
 * Two app processes sharing the real Redis (through the Upstash REST protocol): an event published
 * on either reaches the live clients of both, in order; another tenant's channel hears nothing.
 */

type Worker = { child: ChildProcessWithoutNullStreams; lines: any[]; publish(n: number): void };

function startWorker(env: NodeJS.ProcessEnv, tenantId: string, name: string): Promise<Worker> {
  const child = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", "tests/support/event-hub-worker.ts", tenantId, name], {
    env,
  });
  const lines: any[] = [];
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const message = JSON.parse(line);
      if (message.ready) resolve({ child, lines, publish: (n) => child.stdin.write(`${n}\n`) });
      else lines.push(message.delivered);
    });
  });
}

describe("live events across app processes", () => {
  let proxy: Awaited<ReturnType<typeof startUpstashProxy>>;
  const workers: Worker[] = [];
  const tenant = randomUUID();

  beforeAll(async () => {
    proxy = await startUpstashProxy(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", "fanout-token");
    const env = { ...process.env, UPSTASH_REDIS_REST_URL: proxy.url, UPSTASH_REDIS_REST_TOKEN: "fanout-token", LOG_LEVEL: "error" };
    workers.push(
      ...(await Promise.all([
        startWorker(env, tenant, "one"),
        startWorker(env, tenant, "two"),
        startWorker(env, randomUUID(), "other-tenant"),
      ])),
    );
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) w.child.kill();
    await proxy?.close();
  });

  it("delivers an event published on either process to both, in order", async () => {
    const [one, two, other] = workers as [Worker, Worker, Worker];
    one.publish(1);
    two.publish(2);
    one.publish(3);
    const expected = [
      { from: "one", n: 1 },
      { from: "two", n: 2 },
      { from: "one", n: 3 },
    ];
    await expect.poll(() => one.lines, { timeout: 20_000 }).toHaveLength(3);
    await expect.poll(() => two.lines, { timeout: 20_000 }).toHaveLength(3);
    // Each process sends in order; the two processes' events interleave as Redis received them.
    for (const lines of [one.lines, two.lines]) {
      expect(lines.filter((l) => l.from === "one").map((l) => l.n)).toEqual([1, 3]);
      expect(lines).toEqual(expect.arrayContaining(expected));
    }
    expect(one.lines).toEqual(two.lines);
    expect(other.lines).toEqual([]);
  });
});
