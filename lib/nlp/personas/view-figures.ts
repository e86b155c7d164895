import { performanceByPeriodSql } from "@/lib/agents/revops/performance";
import { periodCoverageSql, pipelineByStageSql, pipelineTotalsSql } from "@/lib/agents/revops/pipeline";
import { receivablesSql } from "@/lib/agents/revops/receivables";
import type { Figure } from "./schemas";
import type { CloudViews, RevenueViews } from "./live-views";

type Row = Record<string, unknown>;
/** Fills in what every figure from the views shares: the source and the views' build time. */
export type FromViews = (f: Omit<Figure, "source" | "asOf" | "demo">) => Figure;
export const fromViews =
  (viewsBuiltAt: string | null): FromViews =>
  (f) => ({ ...f, source: "views", asOf: viewsBuiltAt, demo: false });

const num = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v));
const money = (v: unknown) => (num(v) === null ? null : Math.round(num(v)! * 100) / 100);
const EMPTY = (what: string) => `no ${what} in the current views`;

/** One figure per currency, or one null figure saying there is nothing when no row has one. */
function perCurrency(
  make: FromViews,
  rows: Row[],
  base: Omit<Figure, "source" | "asOf" | "demo" | "value" | "currency">,
  value: (r: Row) => number | null,
  empty: string,
): Figure[] {
  if (rows.length === 0) return [make({ ...base, value: null, note: EMPTY(empty) })];
  return rows.map((r) => make({ ...base, currency: String(r.currency), value: value(r) }));
}

/** CFO: invoiced and collected over the DSO window, receivables, overdue and DSO, per currency (the RevOps analysis's SQL). */
export function financeFigures(make: FromViews, revenue: RevenueViews): Figure[] {
  const { run } = revenue;
  const byCurrency = (revenue.result.figures.receivables as { byCurrency: Row[] }).byCurrency;
  const window = { from: new Date(run.asOf.getTime() - run.dsoDays * 86_400_000).toISOString().slice(0, 10), to: run.asOfDate };
  const receivables = receivablesSql(run);
  return [
    ...perCurrency(
      make,
      byCurrency.filter((r) => num(r.credit_sales)! > 0),
      {
        key: "invoiced_90d",
        label: `Invoiced (issued, not draft or void), last ${run.dsoDays} days`,
        unit: "money",
        window,
        query: receivables,
      },
      (r) => money(r.credit_sales),
      "invoices issued in the window",
    ),
    ...perCurrency(
      make,
      revenue.collected.rows,
      { key: "collected_90d", label: `Collected (paid), last ${run.dsoDays} days`, unit: "money", window, query: revenue.collected.sql },
      (r) => money(r.collected),
      "invoices paid in the window",
    ),
    ...perCurrency(
      make,
      byCurrency,
      { key: "receivables", label: `Receivables outstanding at ${run.asOfDate}`, unit: "money", query: receivables },
      (r) => money(r.receivables),
      "invoices",
    ),
    ...perCurrency(
      make,
      byCurrency,
      { key: "overdue_receivables", label: "Overdue receivables", unit: "money", query: receivables },
      (r) => money(r.overdue),
      "invoices",
    ),
    ...perCurrency(
      make,
      byCurrency,
      {
        key: "dso_days",
        label: `DSO (receivables ÷ credit sales of ${run.dsoDays} days × ${run.dsoDays})`,
        unit: "days",
        query: receivables,
      },
      (r) => num(r.dso_days),
      "invoices",
    ),
  ];
}

/** CRO: open and weighted pipeline per currency and stage, win rate, stalled deals, coverage of a target. */
export function salesFigures(make: FromViews, revenue: RevenueViews): Figure[] {
  const { run, result } = revenue;
  const figures = result.figures as {
    pipeline: { byStage: Row[]; byCurrency: Row[]; period: Row[] };
    performance: { byPeriod: Row[]; window: { from: string; to: string } };
    counts: { stalledDeals: number };
  };
  const stages = figures.pipeline.byStage;
  const stageFigures = (key: string, label: string, column: string) =>
    stages.length === 0
      ? [make({ key, label, unit: "money", value: null, query: pipelineByStageSql(), note: EMPTY("open deals") })]
      : stages.map((r) =>
          make({
            key,
            label,
            unit: "money",
            currency: String(r.currency),
            dimension: { stage: String(r.stage) },
            value: money(r[column]),
            query: pipelineByStageSql(),
          }),
        );
  const won = figures.performance.byPeriod.reduce((n, r) => n + (num(r.won_deals) ?? 0), 0);
  const lost = figures.performance.byPeriod.reduce((n, r) => n + (num(r.lost_deals) ?? 0), 0);
  const stalled = result.findings.filter((f) => f.kind === "stalled_deal");
  const stalledValue = new Map<string, number>();
  for (const f of stalled)
    if (f.impact)
      stalledValue.set(f.impact.currency, Math.round(((stalledValue.get(f.impact.currency) ?? 0) + f.impact.amount) * 100) / 100);
  const stalledSource = `findings of kind stalled_deal of the RevOps analysis (open deals unchanged for ${run.stalledDays} days, or past their close date), each with its SQL`;
  const coverage = figures.pipeline.period.filter((r) => r.coverage !== null && r.coverage !== undefined);
  return [
    ...perCurrency(
      make,
      figures.pipeline.byCurrency,
      { key: "pipeline", label: "Open pipeline", unit: "money", query: pipelineTotalsSql() },
      (r) => money(r.amount),
      "open deals",
    ),
    ...perCurrency(
      make,
      figures.pipeline.byCurrency,
      { key: "weighted_pipeline", label: "Weighted pipeline (amount × probability)", unit: "money", query: pipelineTotalsSql() },
      (r) => money(r.weighted),
      "open deals",
    ),
    ...stageFigures("pipeline_by_stage", "Open pipeline by stage", "amount"),
    ...stageFigures("weighted_by_stage", "Weighted pipeline by stage", "weighted"),
    make({
      key: "win_rate",
      label: "Win rate (won ÷ won and lost, by count)",
      unit: "ratio",
      window: figures.performance.window,
      query: performanceByPeriodSql(run),
      value: won + lost > 0 ? Math.round((won / (won + lost)) * 10_000) / 10_000 : null,
      ...(won + lost === 0 && { note: EMPTY("deals closed in the window") }),
    }),
    make({ key: "stalled_deals", label: "Stalled deals", unit: "count", value: figures.counts.stalledDeals, query: stalledSource }),
    ...perCurrency(
      make,
      [...stalledValue].map(([currency, amount]) => ({ currency, amount })),
      { key: "stalled_value", label: "Stalled deals' value", unit: "money", query: stalledSource },
      (r) => num(r.amount),
      "stalled deals with an amount",
    ),
    ...(coverage.length === 0
      ? [
          make({
            key: "coverage",
            label: `Coverage of the ${run.current.label} target`,
            unit: "ratio",
            value: null,
            query: periodCoverageSql(run),
            note: "no period target is set",
          }),
        ]
      : coverage.map((r) =>
          make({
            key: "coverage",
            label: `Coverage of the ${run.current.label} target`,
            unit: "ratio",
            currency: String(r.currency),
            value: num(r.coverage),
            query: periodCoverageSql(run),
          }),
        )),
  ];
}

type Impact = { currency: string; per: string; amount: number; findings: number };
type FinopsFigures = { anomalies: { rule: string; count: number; impact: Impact[] }; savings: { idle: Impact[]; underused: Impact[] } };

function resourceQuery(cloud: CloudViews): string {
  return cloud.result.queries.find((q) => /FROM resource\b/.test(q)) ?? "the FinOps analysis's resource query";
}

/** 30-day cloud spend against the 30 days before, per currency (CFO and CTO). */
export function spendFigures(make: FromViews, cloud: CloudViews): Figure[] {
  if (!cloud.totals || !cloud.windows)
    return [
      make({
        key: "cloud_spend_30d",
        label: "Cloud spend, last 30 days of cost data",
        unit: "money",
        value: null,
        query: "SELECT max(usage_start) FROM cost",
        note: EMPTY("cost line items"),
      }),
    ];
  const { last, previous } = cloud.windows;
  return [
    ...perCurrency(
      make,
      cloud.totals.rows,
      { key: "cloud_spend_30d", label: "Cloud spend, last 30 days of cost data", unit: "money", window: last, query: cloud.totals.sql },
      (r) => money(r.last_30_days),
      "cost line items",
    ),
    ...perCurrency(
      make,
      cloud.totals.rows,
      { key: "cloud_spend_prev_30d", label: "Cloud spend, the 30 days before", unit: "money", window: previous, query: cloud.totals.sql },
      (r) => money(r.previous_30_days),
      "cost line items",
    ),
  ];
}

/** Idle resources' monthly saving per currency (CFO and CTO). */
export function idleSavingFigures(make: FromViews, cloud: CloudViews, kinds: ("idle" | "underused")[] = ["idle"]): Figure[] {
  const savings = (cloud.result.figures as FinopsFigures).savings;
  return kinds.flatMap((kind) =>
    perCurrency(
      make,
      savings[kind],
      {
        key: `${kind}_savings_month`,
        label:
          kind === "idle"
            ? "Saving from stopping idle resources (under 5% CPU)"
            : "Saving from downsizing under-used resources (under 10% CPU)",
        unit: "money",
        per: "month",
        query: resourceQuery(cloud),
      },
      (r) => num(r.amount),
      `${kind} resources`,
    ),
  );
}

/** CTO: spend by service with its trend, anomalies and their impact, idle and under-used resources. */
export function cloudFigures(make: FromViews, cloud: CloudViews): Figure[] {
  const f = cloud.result.figures as FinopsFigures;
  const byService = cloud.byService;
  const anomalySource = `cost anomalies of the FinOps analysis: ${f.anomalies.rule}`;
  const resources = cloud.result.findings.filter((x) => x.kind === "idle_resource" || x.kind === "underused_resource");
  return [
    ...spendFigures(make, cloud),
    ...(byService && cloud.windows
      ? byService.rows.flatMap((r) => {
          const [now, before] = [money(r.last_30_days), money(r.previous_30_days)];
          const dimension = { service: String(r.service ?? "(no service)") };
          return [
            make({
              key: "spend_by_service_30d",
              label: "Spend by service, last 30 days",
              unit: "money",
              currency: String(r.currency),
              dimension,
              window: cloud.windows!.last,
              value: now,
              query: byService.sql,
            }),
            make({
              key: "spend_trend_by_service",
              label: "Change against the 30 days before",
              unit: "ratio",
              currency: String(r.currency),
              dimension,
              value: before ? Math.round(((now ?? 0) / before - 1) * 10_000) / 10_000 : null,
              query: byService.sql,
              ...(!before && { note: "no spend in the 30 days before" }),
            }),
          ];
        })
      : []),
    make({ key: "anomalies", label: "Cost anomalies found", unit: "count", value: f.anomalies.count, query: anomalySource }),
    ...f.anomalies.impact.map((i) =>
      make({
        key: "anomaly_impact",
        label: "Spend above expected in the anomalies",
        unit: "money",
        currency: i.currency,
        value: i.amount,
        query: anomalySource,
      }),
    ),
    make({
      key: "idle_resources",
      label: "Idle and under-used resources",
      unit: "count",
      value: resources.length,
      query: resourceQuery(cloud),
    }),
    ...idleSavingFigures(make, cloud, ["idle", "underused"]),
  ];
}
