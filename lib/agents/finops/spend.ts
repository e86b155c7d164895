import { addDays, dateLiteral, mondayOf, type RunQuery, USAGE_DAY, usageBetween } from "./sql";

/** The days the cost data covers (UTC), or null when there is none. */
export type DataWindow = { firstDay: string; lastDay: string };

export async function readDataWindow(run: RunQuery): Promise<DataWindow | null> {
  const [row] = await run(
    `SELECT CAST(min(${USAGE_DAY}) AS VARCHAR) AS first_day, CAST(max(${USAGE_DAY}) AS VARCHAR) AS last_day FROM cost WHERE cost IS NOT NULL`,
  );
  return row?.last_day ? { firstDay: String(row.first_day), lastDay: String(row.last_day) } : null;
}

const DIMENSIONS = { service: "service", account: "cloud_account_id", region: "region" } as const;
type Dimension = keyof typeof DIMENSIONS;
const GRAINS = { day: USAGE_DAY, week: `CAST(date_trunc('week', ${USAGE_DAY}) AS DATE)` } as const;

/** The series a spend chart draws beyond the top ones, summed. */
export const OTHER = "(other)";

/**
 * Spend over `from`..`to` for a UI and the narrative, always per currency (amounts in different
 * currencies are never added): totals with the last 7 days against the 7 before, and spend by
 * service, account and region per day and per calendar week (Monday to Sunday; `weeks` says how
 * many days of each the window covers), the top `topSeries` of each dimension drawn and the rest
 * summed as "(other)".
 */
export async function spendFigures(run: RunQuery, window: { from: string; to: string }, topSeries: number) {
  const last7 = addDays(window.to, -6);
  const previous7 = addDays(window.to, -13);
  const totals = await run(`SELECT currency, round(sum(cost), 2) AS cost,
  round(coalesce(sum(cost) FILTER (WHERE ${USAGE_DAY} >= ${dateLiteral(last7)}), 0), 2) AS last_7_days,
  round(coalesce(sum(cost) FILTER (WHERE ${USAGE_DAY} BETWEEN ${dateLiteral(previous7)} AND ${dateLiteral(addDays(last7, -1))}), 0), 2) AS previous_7_days
FROM cost
WHERE cost IS NOT NULL AND ${usageBetween(window.from, window.to)}
GROUP BY currency
ORDER BY currency NULLS LAST`);

  const series = async (dimension: Dimension, grain: keyof typeof GRAINS) => {
    const column = DIMENSIONS[dimension];
    return run(`WITH items AS (
  SELECT currency, ${column} AS key, ${GRAINS[grain]} AS period, cost
  FROM cost
  WHERE cost IS NOT NULL AND ${usageBetween(window.from, window.to)}
),
ranked AS (
  SELECT currency, key, row_number() OVER (PARTITION BY currency ORDER BY sum(cost) DESC, key NULLS LAST) AS rank
  FROM items
  GROUP BY currency, key
)
SELECT CAST(i.period AS VARCHAR) AS ${grain}, i.currency, CASE WHEN r.rank <= ${topSeries} THEN i.key ELSE '${OTHER}' END AS ${dimension}, round(sum(i.cost), 2) AS cost
FROM items i
JOIN ranked r ON r.currency IS NOT DISTINCT FROM i.currency AND r.key IS NOT DISTINCT FROM i.key
GROUP BY ALL
ORDER BY 1, 2 NULLS LAST, 4 DESC, 3 NULLS LAST`);
  };

  const weeks: { week: string; days: number }[] = [];
  for (let week = mondayOf(window.from); week <= window.to; week = addDays(week, 7)) {
    const from = week < window.from ? window.from : week;
    const to = addDays(week, 6) > window.to ? window.to : addDays(week, 6);
    weeks.push({ week, days: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 });
  }

  return {
    window,
    totals,
    daily: { service: await series("service", "day"), account: await series("account", "day"), region: await series("region", "day") },
    weekly: {
      weeks,
      service: await series("service", "week"),
      account: await series("account", "week"),
      region: await series("region", "week"),
    },
  };
}

/**
 * What a unit of each service's usage cost over the window and over its last 7 days (a rise in
 * the second is a price or mix change), per currency; the 20 services and units with the most spend.
 */
export async function unitCostFigures(run: RunQuery, window: { from: string; to: string }) {
  const last7 = dateLiteral(addDays(window.to, -6));
  return run(`SELECT service, usage_unit, currency,
  round(sum(usage_quantity), 4) AS quantity,
  round(sum(cost), 2) AS cost,
  sum(cost) / nullif(sum(usage_quantity), 0) AS unit_cost,
  sum(cost) FILTER (WHERE ${USAGE_DAY} >= ${last7}) / nullif(sum(usage_quantity) FILTER (WHERE ${USAGE_DAY} >= ${last7}), 0) AS unit_cost_last_7_days
FROM cost
WHERE cost IS NOT NULL AND usage_quantity IS NOT NULL AND ${usageBetween(window.from, window.to)}
GROUP BY ALL
ORDER BY sum(cost) DESC, service NULLS LAST, usage_unit NULLS LAST, currency NULLS LAST
LIMIT 20`);
}
