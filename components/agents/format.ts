const WEEKDAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

const isNumber = (field: string) => /^\d{1,2}$/.test(field);
const clock = (hour: string, minute: string) => `${hour.padStart(2, "0")}:${minute.padStart(2, "0")} UTC`;

/**
 * A cron schedule (5 fields, UTC) in words when it is a simple one ("daily at 06:00 UTC",
 * "Mondays at 06:00 UTC", "weekdays at ...", "monthly on day 1 at ...", "hourly at :15",
 * "every 15 minutes"); null when words would not say it better than the expression.
 */
export function scheduleInWords(schedule: string): string | null {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  if (month !== "*") return null;
  const every = /^\*\/(\d{1,2})$/.exec(minute);
  if (every && hour === "*" && day === "*" && weekday === "*") return `every ${every[1]} minutes`;
  if (!isNumber(minute)) return null;
  if (hour === "*" && day === "*" && weekday === "*") return `hourly at :${minute.padStart(2, "0")}`;
  if (!isNumber(hour)) return null;
  const at = clock(hour, minute);
  if (day === "*" && weekday === "*") return `daily at ${at}`;
  if (day === "*" && /^[0-7]$/.test(weekday)) return `${WEEKDAYS[Number(weekday)]} at ${at}`;
  if (day === "*" && weekday === "1-5") return `weekdays at ${at}`;
  if (isNumber(day) && weekday === "*") return `monthly on day ${day} at ${at}`;
  return null;
}

/** `850 ms`, `4.2 s`, `3 min 5 s`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** An amount in its currency with the currency's code: `USD 2,156.46`. Never converted. */
export function formatMoney(amount: number, currency: string | null): string {
  const figure = amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${currency} ${figure}` : figure;
}

/** What a finding's money is: `USD 497.05` (once), `USD 2,156.46` `per month`. */
export function formatImpact(impact: { amount: number; currency: string | null; per: string | null }): {
  amount: string;
  per: string | null;
} {
  return { amount: formatMoney(impact.amount, impact.currency), per: impact.per && impact.per !== "once" ? `per ${impact.per}` : null };
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

/** Estimated LLM cost in US dollars; small amounts keep their cents' fractions. */
export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: amount < 1 ? 4 : 2 })}`;
}

/** `cost_anomaly` as "Cost anomaly". */
export function kindLabel(kind: string): string {
  const words = kind.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
