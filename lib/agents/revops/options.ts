import { z } from "zod";
import type { Severity } from "@/lib/agents/types";

const increasing = (bounds: number[]) => bounds.every((b, i) => i === 0 || b > bounds[i - 1]!);

/**
 * What a RevOps review looks at, with its defaults:
 * - `asOf`: "today" (now); ages, windows and the current period are counted from its UTC date.
 * - `stalledDays` (30): an open deal with no recorded change for this many days is stalled.
 * - `period` ("quarter"): calendar periods in UTC; the current one holds `asOf`.
 * - `lookbackPeriods` (4): complete periods before the current one in win rate, deal size and cycle.
 * - `periodTarget` (none): the current period's target per currency, in major units (`{ USD: 500000 }`).
 * - `minCoverage` (3): open pipeline closing in the period should be this multiple of what is
 *   still to win of the target (the usual 3x rule).
 * - `ageingBuckets` ([30, 60, 90]): upper bounds in days past due: current, 1-30, 31-60, 61-90, 90+.
 * - `dsoDays` (90): the days of credit sales DSO compares receivables with.
 * - `severityBands` (10,000 / 50,000 / 250,000): money in the finding's currency, major units, from
 *   which a finding is medium / high / critical; below the first it is low. One set of bands for
 *   every currency: set them for a book in a currency of very different value (JPY, ...).
 */
export const RevopsOptions = z.object({
  asOf: z.date().default(() => new Date()),
  stalledDays: z.number().int().min(1).max(3650).default(30),
  period: z.enum(["month", "quarter", "year"]).default("quarter"),
  lookbackPeriods: z.number().int().min(0).max(40).default(4),
  periodTarget: z
    .record(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/),
      z.number().finite().positive(),
    )
    .transform((t) => Object.fromEntries(Object.entries(t).map(([currency, amount]) => [currency.toUpperCase(), amount])))
    .optional(),
  minCoverage: z.number().finite().positive().default(3),
  ageingBuckets: z
    .array(z.number().int().min(1).max(3650))
    .min(1)
    .max(10)
    .refine(increasing, "ageing bucket bounds must increase")
    .default([30, 60, 90]),
  dsoDays: z.number().int().min(1).max(3650).default(90),
  severityBands: z
    .object({
      medium: z.number().finite().nonnegative(),
      high: z.number().finite().nonnegative(),
      critical: z.number().finite().nonnegative(),
    })
    .refine((b) => b.medium <= b.high && b.high <= b.critical, "severity bands must increase")
    .default({ medium: 10_000, high: 50_000, critical: 250_000 }),
});
export type RevopsOptions = z.infer<typeof RevopsOptions>;

/** A calendar period in UTC, its bounds as inclusive ISO dates. */
export type Period = { label: string; from: string; to: string };

/** The options resolved once for a run, with the dates every query uses. */
export type RevopsRun = RevopsOptions & {
  /** The UTC date of `asOf` (YYYY-MM-DD): ages and day counts are counted to it. */
  asOfDate: string;
  /** The current period and the `lookbackPeriods` before it, oldest first. */
  periods: Period[];
  current: Period;
};

export function resolveOptions(input: Partial<RevopsOptions> & { asOf: Date }): RevopsRun {
  const options = RevopsOptions.parse(input);
  const periods = Array.from({ length: options.lookbackPeriods + 1 }, (_, i) =>
    periodOf(options.period, options.asOf, i - options.lookbackPeriods),
  );
  return { ...options, asOfDate: isoDate(options.asOf), periods, current: periods.at(-1)! };
}

/** The period `offset` periods from the one holding `at` (0: that one, -1: the one before). */
export function periodOf(kind: RevopsOptions["period"], at: Date, offset = 0): Period {
  const months = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  const startMonth = Math.floor((at.getUTCFullYear() * 12 + at.getUTCMonth()) / months) * months + offset * months;
  const from = new Date(Date.UTC(Math.floor(startMonth / 12), startMonth % 12, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 0));
  const year = from.getUTCFullYear();
  const label =
    kind === "year"
      ? `${year}`
      : kind === "quarter"
        ? `${year}-Q${Math.floor(from.getUTCMonth() / 3) + 1}`
        : `${year}-${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
  return { label, from: isoDate(from), to: isoDate(to) };
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A finding's severity from the money it is about (see `severityBands`); no amount is low. */
export function severityFor(amount: number | null, bands: RevopsOptions["severityBands"]): Severity {
  const value = Math.abs(amount ?? 0);
  if (value >= bands.critical) return "critical";
  if (value >= bands.high) return "high";
  if (value >= bands.medium) return "medium";
  return "low";
}
