import type { Analysis, FindingDraft, Severity } from "@/lib/agents/types";
import { findCustomersAtRisk } from "./cross";
import { resolveOptions, type RevopsOptions } from "./options";
import { analysePerformance } from "./performance";
import { analysePipeline } from "./pipeline";
import { analyseReceivables } from "./receivables";
import { findStalledDeals } from "./stalled";
import type { QueryContext } from "./sql";

export { RevopsOptions } from "./options";

/** At most this many findings, the highest ranked (the figures still count them all). */
const MAX_FINDINGS = 500;
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * A RevOps weekly pipeline review over the views `account`, `opportunity` and `invoice`: pipeline
 * by stage and weighted; win rate, deal size and sales cycle by owner and period; coverage of the
 * period's target; stalled deals; receivables ageing, DSO and overdue invoices; customers who owe
 * past due and have open deals. Findings are the recommendations, ranked.
 */
export const revopsAnalysis: Analysis<RevopsOptions> = async (duck, options) => {
  const run = resolveOptions(options);
  const ctx: QueryContext = { duck, run, queries: [] };
  const pipeline = await analysePipeline(ctx);
  const performance = await analysePerformance(ctx);
  const stalled = await findStalledDeals(ctx);
  const receivables = await analyseReceivables(ctx);
  const atRisk = await findCustomersAtRisk(ctx);
  const findings = rankFindings([...pipeline.findings, ...stalled.findings, ...receivables.findings, ...atRisk]);
  const count = (kind: string) => findings.filter((f) => f.kind === kind).length;
  return {
    findings: findings.slice(0, MAX_FINDINGS),
    figures: {
      asOf: run.asOfDate,
      period: run.current,
      options: {
        stalledDays: run.stalledDays,
        period: run.period,
        lookbackPeriods: run.lookbackPeriods,
        periodTarget: run.periodTarget ?? null,
        minCoverage: run.minCoverage,
        ageingBuckets: run.ageingBuckets,
        dsoDays: run.dsoDays,
        severityBands: run.severityBands,
      },
      pipeline: pipeline.figures,
      performance,
      receivables: receivables.figures,
      counts: {
        findings: findings.length,
        stalledDeals: count("stalled_deal"),
        pastCloseDeals: stalled.rows.filter((r) => r.past_close === true).length,
        overdueInvoices: count("overdue_invoice"),
        customersAtRisk: count("overdue_customer_open_deals"),
        coverageGaps: count("pipeline_coverage"),
      },
    },
    queries: ctx.queries,
  };
};

/**
 * Most severe first; within a severity, more money first (amounts compared as numbers across
 * currencies, never added); then by key, so the order is stable.
 */
export function rankFindings(findings: FindingDraft[]): FindingDraft[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (b.impact?.amount ?? 0) - (a.impact?.amount ?? 0) ||
      a.key.localeCompare(b.key),
  );
}
