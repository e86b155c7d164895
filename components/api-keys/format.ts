import { formatDate, formatRelative } from "@/components/orchestration/format";
import type { ApiKeyStatus } from "@/lib/auth/api-keys/schemas";

export const STATUS_WORDS: Record<ApiKeyStatus, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  creator_left: "Stopped: its creator left",
};

export const STATUS_TONE: Record<ApiKeyStatus, string> = {
  active: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  revoked: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  creator_left: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `Expires on 28 Feb 2027 (in 90 days)`, `(in 5 h)` on its last day, `Expired on 1 Dec 2026`. */
export function expiryInWords(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms <= 0) return `Expired on ${formatDate(expiresAt)}`;
  const days = Math.ceil(ms / DAY_MS);
  const left = ms < DAY_MS ? `in ${Math.ceil(ms / HOUR_MS)} h` : `in ${days} days`;
  return `Expires on ${formatDate(expiresAt)} (${left})`;
}

/** `never`, `3 min ago`, `yesterday`, `on 2 Dec 2026`. */
export const lastUsedInWords = (lastUsedAt: Date | null, now: Date) => (lastUsedAt ? formatRelative(lastUsedAt, now) : "never");
