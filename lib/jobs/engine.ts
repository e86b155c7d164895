import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { jobEngineMode, type JobEngineMode } from "@/lib/jobs/mode";
import { createEmbeddedEngine, type EmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { onTasksQueued } from "@/lib/tasks/dispatch";
import { workflows } from "@/lib/tasks/workflows";
import { queueScheduledRuns } from "@/lib/agents/schedule";
import { log } from "@/lib/log";

/** Starts the embedded engine with the app server (when Inngest is not configured). */
const globalForEngine = globalThis as unknown as { aosEngine?: EmbeddedEngine; aosScheduler?: NodeJS.Timeout };

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
  // Agent schedules (Inngest runs the same function from a cron trigger).
  const base = await getDb();
  globalForEngine.aosScheduler = setInterval(
    () => void queueScheduledRuns(base).catch((error) => log.warn("agent scheduler tick failed", { error })),
    SCHEDULER_TICK_MS,
  );
  globalForEngine.aosScheduler.unref();
}

const SCHEDULER_TICK_MS = 60_000;

export function jobEngineStatus(): { mode: JobEngineMode; status: "ok" | "down" } {
  const mode = jobEngineMode();
  return { mode, status: mode === "inngest" || globalForEngine.aosEngine?.running ? "ok" : "down" };
}

export async function stopJobEngine(): Promise<void> {
  const engine = globalForEngine.aosEngine;
  globalForEngine.aosEngine = undefined;
  clearInterval(globalForEngine.aosScheduler);
  globalForEngine.aosScheduler = undefined;
  onTasksQueued(undefined);
  await engine?.stop();
}
