import type { SyncOutcome } from "@/lib/aam/connection-figures";
import type { ConnectionType } from "@/lib/aam/schemas";

/** How a sync ended, in words. */
export const SYNC_OUTCOME_WORDS: Record<SyncOutcome, string> = {
  success: "Succeeded",
  partial: "Partly read",
  failed: "Failed",
};

export const SYNC_OUTCOME_TONE: Record<SyncOutcome, string> = {
  success: "text-emerald-700 dark:text-emerald-300",
  partial: "text-amber-800 dark:text-amber-300",
  failed: "text-red-700 dark:text-red-300",
};

/** `850 ms`, `4.2 s`, `3 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** What one source type calls its streams. */
export const STREAM_NOUNS: Record<ConnectionType, { one: string; many: string }> = {
  file: { one: "file", many: "files" },
  postgres: { one: "table", many: "tables" },
  salesforce: { one: "object", many: "objects" },
  mongodb: { one: "collection", many: "collections" },
};
