import type { FindingDraft } from "@/lib/agents/types";
import { driversSql, type Grain, type ScoreQuery, scoreSql, type Series, SERIES_COLUMNS } from "./anomaly-sql";
import { formatMoney, round2, severityOf } from "./money";
import type { FinopsOptions } from "./options";
import { addDays, mondayOf, type Row, type RunQuery } from "./sql";

type ScoredPeriod = Series & { period: string; cost: number; expected: number; deviation: number; z: number };

/** Consecutive anomalous periods of one series: one anomaly, as a cost explorer groups them. */
type Anomaly = { grain: Grain; series: Series; periods: ScoredPeriod[]; from: string; to: string; impact: number };

const seriesId = (s: Series) => SERIES_COLUMNS.map((c) => s[c] ?? "-").join("|");
const STEP: Record<Grain, number> = { day: 1, week: 7 };

function toAnomalies(grain: Grain, rows: Row[]): Anomaly[] {
  const anomalies: Anomaly[] = [];
  let current: Anomaly | null = null;
  for (const row of rows) {
    const scored: ScoredPeriod = {
      provider: row.provider as string | null,
      cloud_account_id: row.cloud_account_id as string | null,
      service: row.service as string | null,
      currency: row.currency as string | null,
      period: String(row[grain]),
      cost: Number(row.cost),
      expected: Number(row.expected),
      deviation: Number(row.deviation),
      z: Number(row.z),
    };
    const last = current?.periods.at(-1);
    if (current && last && seriesId(current.series) === seriesId(scored) && addDays(last.period, STEP[grain]) === scored.period) {
      current.periods.push(scored);
    } else {
      current = {
        grain,
        series: {
          provider: scored.provider,
          cloud_account_id: scored.cloud_account_id,
          service: scored.service,
          currency: scored.currency,
        },
        periods: [scored],
        from: "",
        to: "",
        impact: 0,
      };
      anomalies.push(current);
    }
  }
  for (const a of anomalies) {
    a.from = a.periods[0]!.period;
    a.to = grain === "day" ? a.periods.at(-1)!.period : addDays(a.periods.at(-1)!.period, 6);
    a.impact = a.periods.reduce((sum, p) => sum + p.deviation, 0);
  }
  return anomalies;
}

/** The days and the complete calendar weeks scored (a period without enough history is skipped). */
type ScoredWindows = { days: { from: string; to: string }; weeks: { from: string; to: string } };

/**
 * Cost anomalies by day and by week (the rule: anomaly-sql.ts). Consecutive anomalous periods of a
 * series are one anomaly; its impact is the spend above expected summed over them, and it is
 * reported only from `minImpact`. A weekly anomaly overlapping a reported daily one of the same
 * series is left out: the daily finding already carries that money.
 */
export async function findAnomalies(
  run: RunQuery,
  lastDay: string,
  options: FinopsOptions,
): Promise<{ findings: FindingDraft[]; scored: ScoredWindows }> {
  const dayFrom = addDays(lastDay, -(options.anomalyDays - 1));
  const daily = toAnomalies(
    "day",
    await run(
      scoreSql({
        grain: "day",
        readFrom: addDays(dayFrom, -options.baselineDays),
        lastDay,
        from: dayFrom,
        to: lastDay,
        baseline: options.baselineDays,
        minBaseline: options.minBaselineDays,
        zThreshold: options.zThreshold,
        onlyAnomalous: true,
      }),
    ),
  ).filter((a) => a.impact >= options.minImpact);

  // Complete weeks only: the last one ends on or before the last day of data.
  const lastWeek = addDays(mondayOf(addDays(lastDay, 1)), -7);
  const weekFrom = addDays(lastWeek, -7 * (options.anomalyWeeks - 1));
  const weekly = toAnomalies(
    "week",
    await run(
      scoreSql({
        grain: "week",
        readFrom: addDays(weekFrom, -7 * options.baselineWeeks),
        lastDay,
        from: weekFrom,
        to: lastWeek,
        baseline: options.baselineWeeks,
        minBaseline: options.minBaselineWeeks,
        zThreshold: options.zThreshold,
        onlyAnomalous: true,
      }),
    ),
  ).filter(
    (a) =>
      a.impact >= options.minImpact && !daily.some((d) => seriesId(d.series) === seriesId(a.series) && d.from <= a.to && a.from <= d.to),
  );

  const findings: FindingDraft[] = [];
  for (const anomaly of [...daily, ...weekly]) findings.push(await toFinding(run, anomaly, options));
  return { findings, scored: { days: { from: dayFrom, to: lastDay }, weeks: { from: weekFrom, to: addDays(lastWeek, 6) } } };
}

async function toFinding(run: RunQuery, anomaly: Anomaly, options: FinopsOptions): Promise<FindingDraft> {
  const { grain, series, periods, from, to } = anomaly;
  const currency = series.currency ?? "";
  const money = (x: number) => formatMoney(x, currency);
  const weekly = grain === "week";
  const baseline = weekly ? options.baselineWeeks : options.baselineDays;
  // The evidence: the series' periods from a full baseline before the anomaly to its end, each scored.
  const evidence: ScoreQuery = {
    grain,
    readFrom: addDays(from, -STEP[grain] * baseline * 2),
    lastDay: to,
    from: addDays(from, -STEP[grain] * baseline),
    to: periods.at(-1)!.period,
    baseline,
    minBaseline: weekly ? options.minBaselineWeeks : options.minBaselineDays,
    zThreshold: options.zThreshold,
    series,
    onlyAnomalous: false,
  };
  const sql = scoreSql(evidence);
  const rows = (await run(sql)).slice(-50);
  const drivers = await run(driversSql(series, from, to, options.baselineDays));
  const top = drivers.find((d) => Number(d.increase) > 0);

  const impact = { amount: round2(anomaly.impact), currency, per: "once" as const };
  const service = series.service ?? "Unnamed service";
  const where =
    series.cloud_account_id === null
      ? `${service} (${series.provider ?? "cloud"}, all accounts)`
      : `${service} in ${series.provider ?? "cloud"} account ${series.cloud_account_id}`;
  const when = from === to ? from : `${from} to ${to}`;
  const peak = periods.reduce((a, b) => (b.z > a.z ? b : a));
  const each = weekly ? "week" : "day";
  const spent = periods.reduce((sum, p) => sum + p.cost, 0);
  const expected = periods.reduce((sum, p) => sum + p.expected, 0);
  const driver = top
    ? ` Most of it: ${top.resource_id ?? "usage without a resource id"}${top.region ? ` in ${top.region}` : ""} (+${money(Number(top.increase))}).`
    : "";
  return {
    key: `cost_anomaly:${grain}:${seriesId(series)}:${from}`,
    kind: "cost_anomaly",
    title: `${weekly ? "Weekly" : "Daily"} spend anomaly: ${where}, ${when}`,
    summary: `${where} cost ${money(spent)} against an expected ${money(expected)} (median of the ${baseline} ${each}s before each ${each}; robust z-score up to ${peak.z.toFixed(1)}): ${money(anomaly.impact)} more than usual.${driver} Find what changed and stop it if it was not meant to.`,
    severity: severityOf(impact, options.severityBands),
    impact,
    window: { from, to },
    sql,
    rows,
    entities: ["cost"],
  };
}
