/** One day of a trend: the UTC date (YYYY-MM-DD) and one number per series. */
export type DayPoint<K extends string> = { day: string } & Record<K, number>;

const DAY_MS = 86_400_000;

/** The UTC date of an instant, as YYYY-MM-DD. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The `days` UTC dates ending with the one of `now`, oldest first. */
export function lastDays(now: Date, days: number): string[] {
  const today = Date.parse(`${utcDay(now)}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * DAY_MS)));
}

/** The first instant of the window `lastDays(now, days)` covers. */
export function windowStart(now: Date, days: number): Date {
  return new Date(`${lastDays(now, days)[0]}T00:00:00Z`);
}

/**
 * Rows already counted per day (`{ day, ...series }`, in any order, some days missing) as one
 * point per day of the window, oldest first: a day without a row is zero in every series, rows of
 * one day are added, and rows outside the window are left out.
 */
export function fillDays<K extends string>(
  rows: ({ day: string } & Partial<Record<K, number>>)[],
  series: readonly K[],
  now: Date,
  days: number,
): DayPoint<K>[] {
  const points = new Map(lastDays(now, days).map((day) => [day, { day, ...Object.fromEntries(series.map((k) => [k, 0])) } as DayPoint<K>]));
  for (const row of rows) {
    const point = points.get(row.day);
    if (!point) continue;
    for (const k of series) (point as Record<K, number>)[k] += Number(row[k] ?? 0);
  }
  return [...points.values()];
}
