import "server-only";
import { env } from "@/lib/env";
import { getDbState } from "@/lib/db";
import { getKv } from "@/lib/kv";
import { jobEngineStatus } from "@/lib/jobs/engine";
import type { ComponentStatus, Health } from "./schemas";

export type { ComponentStatus, Health };

/** Probes each dependency with a cheap round trip. Errors are summarized, never raw. */
export async function checkHealth(): Promise<Health> {
  const [database, redis] = await Promise.all([
    checkDatabase(),
    probe(getKv().mode, async () => {
      await getKv().ping();
      return getKv().mode;
    }),
  ]);
  const jobs: ComponentStatus = jobEngineStatus();
  const status = database.status === "down" ? "down" : redis.status === "down" || jobs.status === "down" ? "degraded" : "ok";
  return { status, database, redis, jobs };
}

/** One cheap round trip to the database (also the AAM's health check). */
export function checkDatabase(): Promise<ComponentStatus> {
  return probe(env.database.mode, async () => {
    const state = await getDbState();
    await state.client.$queryRaw`SELECT 1`;
    return state.mode;
  });
}

async function probe(fallbackMode: string, fn: () => Promise<string>): Promise<ComponentStatus> {
  const started = performance.now();
  try {
    const mode = await fn();
    return { status: "ok", mode, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", mode: fallbackMode, error: (error as Error).name || "Error" };
  }
}
