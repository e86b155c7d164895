import { z } from "zod";

/**
 * The FinOps analysis's settings, with their defaults. Every window ends on the last day of the
 * cost data (the latest `usage_start`, UTC), never on the wall clock.
 */
export const FinopsOptions = z
  .object({
    /** Days of spend in the figures (by service, account and region, per day and week). */
    spendDays: z.number().int().min(7).max(366).default(60),
    /** Days scored for daily anomalies. */
    anomalyDays: z.number().int().min(1).max(366).default(30),
    /** Complete calendar weeks (Monday to Sunday) scored for weekly anomalies. */
    anomalyWeeks: z.number().int().min(1).max(53).default(8),
    /** A day's expected cost is the median of this many days before it; its spread, their MAD. */
    baselineDays: z.number().int().min(3).max(90).default(14),
    /** A day is scored only with at least this many days of history in its series. */
    minBaselineDays: z.number().int().min(3).max(90).default(7),
    /** A week's expected cost is the median of this many weeks before it. */
    baselineWeeks: z.number().int().min(3).max(26).default(8),
    /** A week is scored only with at least this many complete weeks of history in its series. */
    minBaselineWeeks: z.number().int().min(3).max(26).default(4),
    /** Robust z-score from which a day or week is anomalous (3.5: Iglewicz and Hoaglin's cut-off). */
    zThreshold: z.number().positive().default(3.5),
    /** Smallest impact (spend above expected over the anomaly, currency units) worth reporting. */
    minImpact: z.number().nonnegative().default(50),
    /** Running resources under this average CPU (percent) are idle: stop them. */
    idleCpuPercent: z.number().min(0).max(100).default(5),
    /** Running resources under this average CPU (percent) are under-used: downsize them (10: AWS Trusted Advisor's low-utilization rule). */
    underusedCpuPercent: z.number().min(0).max(100).default(10),
    /** Share of the monthly cost saved by going one size down (each size halves vCPUs and price in the common families). */
    rightsizeSaving: z.number().min(0).max(1).default(0.5),
    /** The inventory's `monthly_cost` has no currency column: the currency it is in. */
    inventoryCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default("USD"),
    /** Monthly-equivalent money from which a finding is medium, high or critical (below `medium`: low). */
    severityBands: z
      .object({ medium: z.number().nonnegative(), high: z.number().nonnegative(), critical: z.number().nonnegative() })
      .default({ medium: 100, high: 1_000, critical: 10_000 }),
    /** Series drawn per dimension in the spend figures; the rest are summed as one "(other)" series. */
    topSeries: z.number().int().min(1).max(50).default(10),
  })
  .refine(
    (o) => o.minBaselineDays <= o.baselineDays && o.minBaselineWeeks <= o.baselineWeeks,
    "the minimum history cannot exceed the baseline",
  )
  .refine((o) => o.idleCpuPercent <= o.underusedCpuPercent, "the idle CPU threshold cannot exceed the under-used one")
  .refine(
    (o) => o.severityBands.medium <= o.severityBands.high && o.severityBands.high <= o.severityBands.critical,
    "severity bands must increase",
  );
export type FinopsOptions = z.infer<typeof FinopsOptions>;
