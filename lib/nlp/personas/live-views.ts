import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TenantScope } from "@/lib/auth/context";
import { finopsAnalysis } from "@/lib/agents/finops";
import { addDays, dateLiteral, queryRunner, usageBetween } from "@/lib/agents/finops/sql";
import { revopsAnalysis } from "@/lib/agents/revops";
import { resolveOptions, type RevopsRun } from "@/lib/agents/revops/options";
import { instantLiteral, moneySum, type Row } from "@/lib/agents/revops/sql";
import type { AnalysisResult } from "@/lib/agents/types";
import { withViewTables } from "@/lib/agents/view-tables";

const REVOPS_ENTITIES = ["account", "opportunity", "invoice"];
const FINOPS_ENTITIES = ["cost", "resource"];
const DAY_MS = 86_400_000;

export type RevenueViews = { result: AnalysisResult; run: RevopsRun; collected: { sql: string; rows: Row[] } };
export type CloudViews = {
  result: AnalysisResult;
  /** The 30 days ending on the last day of cost data, and the 30 before; null without cost data. */
  windows: { last: { from: string; to: string }; previous: { from: string; to: string } } | null;
  totals: { sql: string; rows: Row[] } | null;
  byService: { sql: string; rows: Row[] } | null;
};
export type LiveViews = { revenue: RevenueViews | null; cloud: CloudViews | null };

/**
 * Runs the agents' analyses (the same code as their runs) over the tenant's current views, plus the
 * few figures a persona needs that no agent computes: cash collected, and 30-day spend against the
 * 30 days before. One DuckDB connection; only the entities asked for.
 */
export async function readLiveViews(scope: TenantScope, want: { revenue: boolean; cloud: boolean }, asOf: Date): Promise<LiveViews> {
  const entities = [...(want.revenue ? REVOPS_ENTITIES : []), ...(want.cloud ? FINOPS_ENTITIES : [])];
  if (entities.length === 0) return { revenue: null, cloud: null };
  return withViewTables(scope, entities, async (duck) => ({
    revenue: want.revenue ? await readRevenue(duck, asOf) : null,
    cloud: want.cloud ? await readCloud(duck, asOf) : null,
  }));
}

async function readRevenue(duck: DuckDBConnection, asOf: Date): Promise<RevenueViews> {
  const result = await revopsAnalysis(duck, { asOf });
  const run = resolveOptions({ asOf });
  const sql = collectedSql(asOf, run.dsoDays);
  return { result, run, collected: { sql, rows: await queryRunner(duck, [])(sql) } };
}

/** Invoices paid in the `days` days up to `asOf` (paid after `asOf` - days, up to `asOf`), per currency. */
export function collectedSql(asOf: Date, days: number): string {
  const since = instantLiteral(new Date(asOf.getTime() - days * DAY_MS));
  return `WITH invoices AS (SELECT upper(trim(currency)) AS currency, lower(trim(status)) AS state, amount, paid_at FROM invoice)
SELECT currency, count(*) AS invoices, coalesce(${moneySum("amount")}, 0) AS collected
FROM invoices WHERE state = 'paid' AND paid_at > ${since} AND paid_at <= ${instantLiteral(asOf)}
GROUP BY currency ORDER BY currency`;
}

async function readCloud(duck: DuckDBConnection, asOf: Date): Promise<CloudViews> {
  const result = await finopsAnalysis(duck, { asOf });
  const data = (result.figures as { data: { lastDay: string } | null }).data;
  if (!data) return { result, windows: null, totals: null, byService: null };
  const last = { from: addDays(data.lastDay, -29), to: data.lastDay };
  const previous = { from: addDays(data.lastDay, -59), to: addDays(data.lastDay, -30) };
  const run = queryRunner(duck, []);
  const totalsSql = spendSql(last, previous, []);
  const byServiceSql = spendSql(last, previous, ["service"]);
  return {
    result,
    windows: { last, previous },
    totals: { sql: totalsSql, rows: await run(totalsSql) },
    byService: { sql: byServiceSql, rows: await run(byServiceSql) },
  };
}

/** Spend per currency (and `by`) over the last 30 days of cost data and the 30 before, most spent first. */
export function spendSql(last: { from: string; to: string }, previous: { from: string; to: string }, by: string[]): string {
  const day = "CAST(timezone('UTC', usage_start) AS DATE)";
  const keys = ["currency", ...by].join(", ");
  return `SELECT ${keys},
  round(coalesce(sum(cost) FILTER (WHERE ${day} >= ${dateLiteral(last.from)}), 0), 2) AS last_30_days,
  round(coalesce(sum(cost) FILTER (WHERE ${day} <= ${dateLiteral(previous.to)}), 0), 2) AS previous_30_days
FROM cost
WHERE cost IS NOT NULL AND ${usageBetween(previous.from, last.to)}
GROUP BY ${keys}
ORDER BY currency NULLS LAST, last_30_days DESC${by.map((c) => `, ${c} NULLS LAST`).join("")}${by.length ? "\nLIMIT 25" : ""}`;
}
