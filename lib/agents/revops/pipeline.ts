import type { FindingDraft } from "@/lib/agents/types";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { formatMoney, plural } from "./format";
import { severityFor, type RevopsRun } from "./options";
import { DEALS_CTE, dateLiteral, moneySum, narrowTo, numberLiteral, runQuery, weightedSum, type QueryContext, type Row } from "./sql";

/**
 * Open pipeline by currency and stage: deals, amount, and weighted amount (amount × probability;
 * a deal without an amount or a probability adds nothing to it). Stages are grouped whatever their
 * casing (shown in one of their spellings) and ordered by their average probability, the usual order of a funnel.
 */
export function pipelineByStageSql(): string {
  return `WITH ${DEALS_CTE}
SELECT currency, coalesce(min(trim(stage)), '(no stage)') AS stage, count(*) AS deals, count(amount) AS deals_with_amount,
  coalesce(${moneySum("amount")}, 0) AS amount, coalesce(${weightedSum()}, 0) AS weighted, round(avg(probability), 4) AS avg_probability
FROM deals WHERE is_open
GROUP BY currency, lower(trim(stage))
ORDER BY currency, avg_probability NULLS FIRST, stage`;
}

export function pipelineTotalsSql(): string {
  return `WITH ${DEALS_CTE}
SELECT currency, count(*) AS deals, coalesce(${moneySum("amount")}, 0) AS amount, coalesce(${weightedSum()}, 0) AS weighted
FROM deals WHERE is_open
GROUP BY currency ORDER BY currency`;
}

/**
 * The current period per currency: won so far (closed won, close date from the period's start to
 * `asOf`) and the open pipeline still able to close in it (close date from `asOf` to the period's
 * end; open deals whose close date has passed are stalled findings, not coverage). With a target:
 * remaining = target - won (never below 0), coverage = pipeline ÷ remaining, forecast = won +
 * weighted pipeline.
 */
export function periodCoverageSql(run: RevopsRun, currency?: string): string {
  const { from, to } = run.current;
  const asOf = dateLiteral(run.asOfDate);
  const wonInPeriod = `won AND close_date BETWEEN ${dateLiteral(from)} AND ${asOf}`;
  const openInPeriod = `is_open AND close_date BETWEEN ${asOf} AND ${dateLiteral(to)}`;
  const targets = Object.entries(run.periodTarget ?? {});
  const targetRows = targets.length
    ? `SELECT * FROM (VALUES ${targets.map(([c, t]) => `(${quoteLiteral(c)}, CAST(${numberLiteral(t)} AS DOUBLE))`).join(", ")}) AS t(currency, target)`
    : `SELECT CAST(NULL AS VARCHAR) AS currency, CAST(NULL AS DOUBLE) AS target WHERE false`;
  return `WITH ${DEALS_CTE},
targets AS (${targetRows}),
book AS (
  SELECT currency, count(*) FILTER (WHERE ${wonInPeriod}) AS won_deals, coalesce(${moneySum("amount", wonInPeriod)}, 0) AS won_amount,
    count(*) FILTER (WHERE ${openInPeriod}) AS pipeline_deals, coalesce(${moneySum("amount", openInPeriod)}, 0) AS pipeline_amount,
    coalesce(${weightedSum(openInPeriod)}, 0) AS weighted_pipeline
  FROM deals GROUP BY currency),
in_period AS (
  SELECT currency, target, coalesce(won_deals, 0) AS won_deals, coalesce(won_amount, 0) AS won_amount, coalesce(pipeline_deals, 0) AS pipeline_deals,
    coalesce(pipeline_amount, 0) AS pipeline_amount, coalesce(weighted_pipeline, 0) AS weighted_pipeline
  FROM book FULL JOIN targets USING (currency))
SELECT ${quoteLiteral(run.current.label)} AS period, currency, target, won_deals, won_amount, pipeline_deals, pipeline_amount, weighted_pipeline,
  CASE WHEN target IS NOT NULL THEN round(greatest(target - won_amount, 0), 2) END AS remaining,
  CASE WHEN target IS NOT NULL THEN round(pipeline_amount / nullif(greatest(target - won_amount, 0), 0), 2) END AS coverage,
  round(won_amount + weighted_pipeline, 2) AS forecast
FROM in_period
WHERE (won_deals > 0 OR pipeline_deals > 0 OR target IS NOT NULL)${narrowTo("currency", currency)}
ORDER BY currency`;
}

export type PipelineFigures = { byStage: Row[]; byCurrency: Row[]; period: Row[] };

export async function analysePipeline(ctx: QueryContext): Promise<{ figures: PipelineFigures; findings: FindingDraft[] }> {
  const byStage = await runQuery(ctx, pipelineByStageSql());
  const byCurrency = await runQuery(ctx, pipelineTotalsSql());
  const period = await runQuery(ctx, periodCoverageSql(ctx.run));
  const findings = period.flatMap((row) => coverageFinding(ctx.run, row) ?? []);
  return { figures: { byStage, byCurrency, period }, findings };
}

/** A target not covered `minCoverage` times by the period's open pipeline: how much pipeline to add. */
function coverageFinding(run: RevopsRun, row: Row): FindingDraft | null {
  const currency = String(row.currency);
  const [target, remaining, pipeline] = [row.target, row.remaining, row.pipeline_amount] as (number | null)[];
  if (target === null || !remaining) return null;
  const coverage = (row.coverage as number | null) ?? 0;
  if (coverage >= run.minCoverage) return null;
  const toAdd = Math.round((run.minCoverage * remaining - (pipeline ?? 0)) * 100) / 100;
  const forecast = row.forecast as number;
  const short = forecast < target ? `, ${formatMoney(target - forecast, currency)} short of the target` : "";
  return {
    key: `pipeline_coverage:${run.current.label}:${currency}`,
    kind: "pipeline_coverage",
    title: `${run.current.label} ${currency} pipeline covers ${coverage}x of the ${formatMoney(remaining, currency)} still to win`,
    summary:
      `Target ${formatMoney(target, currency)}, won ${formatMoney(row.won_amount as number, currency)} so far; ${plural(row.pipeline_deals as number, "open deal")} worth ` +
      `${formatMoney(pipeline, currency)} (weighted ${formatMoney(row.weighted_pipeline as number, currency)}) can still close by ${run.current.to}: ${coverage}x against ${run.minCoverage}x wanted. ` +
      `Forecast (won + weighted) ${formatMoney(forecast, currency)}${short}. Add ${formatMoney(toAdd, currency)} of pipeline closing this period, or pull later deals in.`,
    severity: severityFor(toAdd, run.severityBands),
    impact: { amount: toAdd, currency, per: "once" },
    window: { from: run.current.from, to: run.current.to },
    sql: periodCoverageSql(run, currency),
    rows: [row],
    entities: ["opportunity"],
  };
}
