/** `just now`, `3 min ago`, `in 12 s`, `2 h ago`, `yesterday`, then the date: rendered on the server, so no time zone is assumed. */
export function formatRelative(date: Date | string, now: Date): string {
  const ms = new Date(date).getTime() - now.getTime();
  const future = ms > 0;
  const abs = Math.abs(ms);
  const say = (text: string) => (future ? `in ${text}` : `${text} ago`);
  if (abs < 5_000) return future ? "now" : "just now";
  if (abs < 60_000) return say(`${Math.round(abs / 1_000)} s`);
  if (abs < 3_600_000) return say(`${Math.round(abs / 60_000)} min`);
  if (abs < 86_400_000) return say(`${Math.round(abs / 3_600_000)} h`);
  if (!future && abs < 2 * 86_400_000) return "yesterday";
  return `on ${formatDate(date)}`;
}

/** `29 Nov 2026, 21:18:14 UTC`: explicit about the zone, as the server cannot know the reader's. */
export function formatDateTime(date: Date | string): string {
  return `${new Date(date).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" })} UTC`;
}

/** `21:18:14 UTC` on the reader's day, else the date and time: for events close together (attempts, steps). */
export function formatMoment(date: Date | string, now: Date): string {
  const d = new Date(date);
  if (d.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10)) return formatDateTime(d);
  return `${d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" })} UTC`;
}

export function formatDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** `Nov 29` for a chart's day axis (`2026-11-29`). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
