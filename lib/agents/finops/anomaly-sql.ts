import { addDays, dateLiteral, equals, numberLiteral, USAGE_DAY, usageBetween } from "./sql";

/** A cost series: one service in one cloud account, in one currency. */
export type Series = { provider: string | null; cloud_account_id: string | null; service: string | null; currency: string | null };
export const SERIES_COLUMNS = ["provider", "cloud_account_id", "service", "currency"] as const;

export type Grain = "day" | "week";

export type ScoreQuery = {
  grain: Grain;
  /** First day read: the scored periods' baseline starts here (a Monday for weeks). */
  readFrom: string;
  /** Last day of data. */
  lastDay: string;
  /** Periods returned (a day, or a week's Monday), inclusive. */
  from: string;
  to: string;
  /** Periods in the rolling baseline, and the fewest a period needs to be scored. */
  baseline: number;
  minBaseline: number;
  zThreshold: number;
  /** One series only (a finding's evidence), or every series. */
  series?: Series;
  /** Only the anomalous periods (detection), or all of them (evidence). */
  onlyAnomalous: boolean;
};

/**
 * The anomaly rule as one query a person can run. Daily cost per series, zero on days a series has
 * no line items (from its first day in the data), per day or summed per complete calendar week
 * (Monday to Sunday). Each period's expected cost is the median of the `baseline` periods before
 * it; its robust z-score is (cost - expected) / scale, where scale is 1.4826 x the MAD of those
 * periods (the standard deviation, for normal noise). A week's scale is at least what the spread of
 * its baseline days implies for a week (sqrt(7) x theirs): a few weekly sums alone are too few to
 * trust a small spread. Every scale is at least 1% of the expected cost and a cent, so a flat
 * series is not split hairs over. A period is anomalous when it has at least `minBaseline` periods
 * of history and z >= `zThreshold`; only increases count.
 */
export function scoreSql(q: ScoreQuery): string {
  const seriesFilter = q.series ? SERIES_COLUMNS.map((c) => ` AND ${equals(c, q.series![c])}`).join("") : "";
  const joinSeries = SERIES_COLUMNS.map((c) => `d.${c} IS NOT DISTINCT FROM s.${c}`).join(" AND ");
  const partition = SERIES_COLUMNS.join(", ");
  const weekly = q.grain === "week";
  const period = q.grain;
  const count = `baseline_${q.grain}s`;
  const periods = weekly
    ? `days AS (
  SELECT *, mad(cost) OVER (PARTITION BY ${partition} ORDER BY day ROWS BETWEEN ${numberLiteral(7 * q.baseline)} PRECEDING AND 1 PRECEDING) AS day_mad
  FROM grid
),
periods AS (
  SELECT ${partition}, CAST(date_trunc('week', day) AS DATE) AS week, sum(cost) AS cost, max(day_mad) FILTER (WHERE isodow(day) = 1) AS day_mad
  FROM days
  GROUP BY ALL
  HAVING count(*) = 7
)`
    : `periods AS (
  SELECT * FROM grid
)`;
  const scale = `greatest(1.4826 * mad, ${weekly ? "sqrt(7) * 1.4826 * day_mad, " : ""}0.01 * abs(expected), 0.01)`;
  const anomalous = `${count} >= ${numberLiteral(q.minBaseline)} AND (cost - expected) / scale >= ${numberLiteral(q.zThreshold)}`;
  return `WITH daily AS (
  SELECT ${partition}, ${USAGE_DAY} AS day, sum(cost) AS cost
  FROM cost
  WHERE cost IS NOT NULL AND ${usageBetween(q.readFrom, q.lastDay)}${seriesFilter}
  GROUP BY ALL
),
series AS (
  SELECT ${partition}, min(day) AS first_day FROM daily GROUP BY ALL
),
grid AS (
  SELECT ${SERIES_COLUMNS.map((c) => `s.${c}`).join(", ")}, g.day, coalesce(d.cost, 0) AS cost
  FROM series s
  JOIN (SELECT CAST(unnest(generate_series(${dateLiteral(q.readFrom)}, ${dateLiteral(q.lastDay)}, INTERVAL 1 DAY)) AS DATE) AS day) g ON g.day >= s.first_day
  LEFT JOIN daily d ON d.day = g.day AND ${joinSeries}
),
${periods},
baselines AS (
  SELECT *, median(cost) OVER w AS expected, mad(cost) OVER w AS mad, count(*) OVER w AS ${count}
  FROM periods
  WINDOW w AS (PARTITION BY ${partition} ORDER BY ${period} ROWS BETWEEN ${numberLiteral(q.baseline)} PRECEDING AND 1 PRECEDING)
),
scored AS (
  SELECT *, ${scale} AS scale FROM baselines
)
SELECT ${partition}, CAST(${period} AS VARCHAR) AS ${period}, cost, expected, cost - expected AS deviation, scale, (cost - expected) / scale AS z,
  CAST(${count} AS INTEGER) AS ${count}, coalesce(${anomalous}, false) AS anomalous
FROM scored
WHERE ${period} BETWEEN ${dateLiteral(q.from)} AND ${dateLiteral(q.to)}${q.onlyAnomalous ? ` AND ${anomalous}` : ""}
ORDER BY ${SERIES_COLUMNS.map((c) => `${c} NULLS LAST`).join(", ")}, ${period}`;
}

/**
 * What drove an anomaly: each resource and region of the series, its cost over the anomaly's days
 * against its average day over the `baselineDays` before, times the days; the biggest increases first.
 */
export function driversSql(series: Series, from: string, to: string, baselineDays: number): string {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const baselineFrom = addDays(from, -baselineDays);
  return `WITH items AS (
  SELECT resource_id, region, ${USAGE_DAY} AS day, cost
  FROM cost
  WHERE cost IS NOT NULL AND ${usageBetween(baselineFrom, to)}${SERIES_COLUMNS.map((c) => ` AND ${equals(c, series[c])}`).join("")}
)
SELECT resource_id, region,
  coalesce(sum(cost) FILTER (WHERE day >= ${dateLiteral(from)}), 0) AS cost,
  coalesce(sum(cost) FILTER (WHERE day < ${dateLiteral(from)}), 0) / ${numberLiteral(baselineDays)} * ${numberLiteral(days)} AS expected,
  coalesce(sum(cost) FILTER (WHERE day >= ${dateLiteral(from)}), 0) - coalesce(sum(cost) FILTER (WHERE day < ${dateLiteral(from)}), 0) / ${numberLiteral(baselineDays)} * ${numberLiteral(days)} AS increase
FROM items
GROUP BY ALL
ORDER BY increase DESC, resource_id NULLS LAST, region NULLS LAST
LIMIT 5`;
}
