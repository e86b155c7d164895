import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { jobEngineMode, type JobEngineMode } from "@/lib/jobs/mode";
import { createEmbeddedEngine, type EmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { onTasksQueued } from "@/lib/tasks/dispatch";
import { workflows } from "@/lib/tasks/workflows";

/** Starts the embedded engine with the app server (when Inngest is not configured). */
const globalForEngine = globalThis as unknown as { aosEngine?: EmbeddedEngine };

export async function startJobEngine(): Promise<void> {
  if (jobEngineMode() !== "embedded" || globalForEngine.aosEngine?.running) return;
  const engine = createEmbeddedEngine({
    db: await getDb(),
    workflows,
    slots: env.tasks.runnerSlots,
    perTenant: env.tasks.perTenantConcurrency,
    backoffBaseMs: env.tasks.backoffBaseMs,
  });
  globalForEngine.aosEngine = engine;
  onTasksQueued(() => engine.wake());
  engine.start();
}

export function jobEngineStatus(): { mode: JobEngineMode; status: "ok" | "down" } {
  const mode = jobEngineMode();
  return { mode, status: mode === "inngest" || globalForEngine.aosEngine?.running ? "ok" : "down" };
}

export async function stopJobEngine(): Promise<void> {
  const engine = globalForEngine.aosEngine;
  globalForEngine.aosEngine = undefined;
  onTasksQueued(undefined);
  await engine?.stop();
}
