import type { Analysis, FindingDraft } from "@/lib/agents/types";
import { findAnomalies } from "./anomalies";
import { round2 } from "./money";
import { findIdleResources } from "./idle";
import { FinopsOptions } from "./options";
import { readDataWindow, spendFigures, unitCostFigures } from "./spend";
import { addDays, queryRunner } from "./sql";

export { FinopsOptions } from "./options";

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
/** At most this many findings, the highest ranked (the figures still count and sum them all). */
const MAX_FINDINGS = 500;

/** Recommendations, most money first, then the most severe; the key breaks ties so the order is stable. */
function rank(findings: FindingDraft[]): FindingDraft[] {
  return [...findings].sort(
    (a, b) =>
      (b.impact?.amount ?? 0) - (a.impact?.amount ?? 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Money per currency and period, never added across currencies. */
function totalImpact(findings: FindingDraft[]) {
  const totals = new Map<string, { currency: string; per: string; amount: number; findings: number }>();
  for (const f of findings) {
    if (!f.impact) continue;
    const key = `${f.impact.currency}/${f.impact.per}`;
    const t = totals.get(key) ?? { currency: f.impact.currency, per: f.impact.per, amount: 0, findings: 0 };
    t.amount = round2(t.amount + f.impact.amount);
    t.findings++;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => (a.currency + a.per < b.currency + b.per ? -1 : 1));
}

/**
 * The FinOps agent over the `cost` and `resource` views: spend by service, account and region per
 * day and week; cost anomalies by day and by week (a robust z-score on a rolling median and MAD,
 * with a minimum impact: anomaly-sql.ts); idle and under-used resources with the monthly saving.
 * Windows end on the last day of the cost data, not on `asOf`. Commitments (savings plans,
 * reservations) are not assessed: the cost view does not say which usage a commitment already covers.
 */
export const finopsAnalysis: Analysis<FinopsOptions> = async (duck, input) => {
  const options = FinopsOptions.parse(input);
  const queries: string[] = [];
  const run = queryRunner(duck, queries);

  const data = await readDataWindow(run);
  const anomalies = data ? await findAnomalies(run, data.lastDay, options) : null;
  const resources = await findIdleResources(run, options);
  const findings = rank([...(anomalies?.findings ?? []), ...resources]).slice(0, MAX_FINDINGS);

  const spendFrom = data && addDays(data.lastDay, -(options.spendDays - 1));
  const spendWindow = data && spendFrom ? { from: spendFrom > data.firstDay ? spendFrom : data.firstDay, to: data.lastDay } : null;
  const figures = {
    asOf: input.asOf.toISOString().slice(0, 10),
    data,
    spend: spendWindow ? await spendFigures(run, spendWindow, options.topSeries) : null,
    unitCosts: spendWindow ? await unitCostFigures(run, spendWindow) : [],
    anomalies: {
      rule: `A day (or complete calendar week) is anomalous when its cost exceeds the median of the ${options.baselineDays} days (${options.baselineWeeks} weeks) before it by at least ${options.zThreshold} times their spread (1.4826 x MAD; for a week at least sqrt(7) times its days' spread), with at least ${options.minBaselineDays} days (${options.minBaselineWeeks} weeks) of history. Consecutive anomalous periods of a series are one anomaly, reported when its impact (spend above expected) reaches ${options.minImpact}.`,
      scored: anomalies?.scored ?? null,
      count: anomalies?.findings.length ?? 0,
      impact: totalImpact(anomalies?.findings ?? []),
    },
    savings: {
      idle: totalImpact(resources.filter((f) => f.kind === "idle_resource")),
      underused: totalImpact(resources.filter((f) => f.kind === "underused_resource")),
    },
    options,
  };
  return { findings, figures, queries };
};
