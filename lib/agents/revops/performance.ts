import { quoteLiteral } from "@/lib/duckdb/sql";
import type { RevopsRun } from "./options";
import { DEALS_CTE, dateLiteral, moneySum, runQuery, utcDate, type QueryContext, type Row } from "./sql";

/*
 * Win rate, deal size and sales cycle of the deals closed in each period and by each owner over
 * the whole window (the lookback periods and the current one up to `asOf`), by close date:
 * - win rate: won ÷ (won + lost), by count, so currencies need not be added;
 * - average deal size: the average amount of the deals won, per currency;
 * - sales cycle: the average days from a won deal's creation to its close date.
 */

function periodsCte(run: RevopsRun): string {
  const rows = run.periods.map(
    (p) => `(${quoteLiteral(p.label)}, ${dateLiteral(p.from)}, least(${dateLiteral(p.to)}, ${dateLiteral(run.asOfDate)}))`,
  );
  return `periods AS (SELECT * FROM (VALUES ${rows.join(", ")}) AS p(period, period_start, period_end))`;
}

const OUTCOMES = `count(*) FILTER (WHERE won) AS won_deals, count(*) FILTER (WHERE lost) AS lost_deals,
  round(count(*) FILTER (WHERE won) / nullif(count(*) FILTER (WHERE won OR lost), 0), 4) AS win_rate,
  round(avg(date_diff('day', ${utcDate("created_at")}, close_date)) FILTER (WHERE won), 1) AS avg_sales_cycle_days`;
const WON_SIZES = `count(*) AS won_deals, coalesce(${moneySum("amount")}, 0) AS won_amount, round(avg(amount), 2) AS avg_deal_size`;
const CLOSED_IN_PERIOD = "(won OR lost) AND close_date BETWEEN period_start AND period_end";

export function performanceByPeriodSql(run: RevopsRun): string {
  return `WITH ${DEALS_CTE}, ${periodsCte(run)}
SELECT period, CAST(period_start AS VARCHAR) AS period_start, CAST(period_end AS VARCHAR) AS period_end, ${OUTCOMES}
FROM periods LEFT JOIN deals ON ${CLOSED_IN_PERIOD}
GROUP BY period, period_start, period_end ORDER BY period_start`;
}

export function dealSizeByPeriodSql(run: RevopsRun): string {
  return `WITH ${DEALS_CTE}, ${periodsCte(run)}
SELECT period, currency, ${WON_SIZES}
FROM periods JOIN deals ON won AND close_date BETWEEN period_start AND period_end
GROUP BY period, period_start, currency ORDER BY period_start, currency`;
}

function closedInWindow(run: RevopsRun): string {
  return `close_date BETWEEN ${dateLiteral(run.periods[0]!.from)} AND ${dateLiteral(run.asOfDate)}`;
}

export function performanceByOwnerSql(run: RevopsRun): string {
  return `WITH ${DEALS_CTE}
SELECT coalesce(owner, '(no owner)') AS owner, ${OUTCOMES}
FROM deals WHERE (won OR lost) AND ${closedInWindow(run)}
GROUP BY 1 ORDER BY owner`;
}

export function dealSizeByOwnerSql(run: RevopsRun): string {
  return `WITH ${DEALS_CTE}
SELECT coalesce(owner, '(no owner)') AS owner, currency, ${WON_SIZES}
FROM deals WHERE won AND ${closedInWindow(run)}
GROUP BY 1, currency ORDER BY owner, currency`;
}

export type PerformanceFigures = { window: { from: string; to: string }; byPeriod: Row[]; byOwner: Row[] };

/** Each period's and each owner's row carries `won_by_currency`: deals won, amount and average size per currency. */
export async function analysePerformance(ctx: QueryContext): Promise<PerformanceFigures> {
  const { run } = ctx;
  const byPeriod = nest(await runQuery(ctx, performanceByPeriodSql(run)), await runQuery(ctx, dealSizeByPeriodSql(run)), "period");
  const byOwner = nest(await runQuery(ctx, performanceByOwnerSql(run)), await runQuery(ctx, dealSizeByOwnerSql(run)), "owner");
  return { window: { from: run.periods[0]!.from, to: run.asOfDate }, byPeriod, byOwner };
}

function nest(outcomes: Row[], sizes: Row[], by: string): Row[] {
  return outcomes.map((row) => ({
    ...row,
    won_by_currency: sizes.filter((s) => s[by] === row[by]).map(({ [by]: _, ...size }) => size),
  }));
}
