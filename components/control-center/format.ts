import { formatCount } from "@/components/agents/format";

export { formatCount };

/** `12.4K`, `3.1M`: a figure short enough for a KPI card (the exact one goes in its title). */
export const formatCompact = (n: number): string =>
  Math.abs(n) < 10_000
    ? formatCount(Math.round(n))
    : new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);

/** `USD 84.1K`; the currency code always shown, amounts never converted. */
export const formatMoneyShort = (amount: number, currency: string | null): string =>
  `${currency ? `${currency} ` : ""}${formatCompact(amount)}`;

/** A share as a whole percentage; a small one not rounded away to 0% ("<1%"). */
export const formatPercent = (rate: number): string => `${rate > 0 && rate < 0.01 ? "<1" : Math.round(rate * 100)}%`;

/** "3 tasks", "1 task". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A UTC day (YYYY-MM-DD) as "Mon 24 Nov". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** A UTC day (YYYY-MM-DD) as "24 Nov". */
export function formatDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** How long before `now` an instant was, in words: "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date. */
export function formatRelative(at: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return at.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: at.getUTCFullYear() === now.getUTCFullYear() ? undefined : "numeric",
    timeZone: "UTC",
  });
}
