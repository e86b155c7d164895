import { env } from "@/lib/env";

/**
 * Which engine runs background work: Inngest when an Inngest server is configured (event key, base
 * URL or dev mode), otherwise the in-process embedded engine.
 */
export type JobEngineMode = "inngest" | "embedded";

export function jobEngineMode(): JobEngineMode {
  const { eventKey, baseUrl, dev } = env.inngest;
  return eventKey || baseUrl || dev ? "inngest" : "embedded";
}
