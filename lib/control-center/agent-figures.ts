import { z } from "zod";

/** An amount in one currency (null: the data named none). Amounts in different currencies are never added. */
export type Money = { amount: number; currency: string | null };

export type FinopsHeadline = {
  /** Spend over the run's spend window, in the currency with the most spend, the others beside it. */
  spend: {
    total: Money;
    others: Money[];
    window: { from: string; to: string } | null;
    period: string | null;
    last7: number | null;
    previous7: number | null;
  } | null;
  anomalies: { count: number; impact: Money[] };
  /** Daily spend in the main currency over the last days of the data (not of the calendar). */
  trend: { day: string; cost: number }[];
};

export type RevopsHeadline = {
  /** Open pipeline, in the currency with the most of it; the others beside it. */
  pipeline: { total: Money; weighted: number | null; deals: number | null; others: Money[] } | null;
  /** Receivables past due, in the currency with the most of them; the others beside it. */
  overdue: { total: Money; invoices: number | null; others: Money[] } | null;
  stalledDeals: number;
};

const amount = z.coerce.number().catch(0);
const currency = z.string().nullable().catch(null);
const rows = <T extends z.ZodRawShape>(shape: T) => z.array(z.object(shape)).catch([]);

/** The parts of a FinOps run's figures (lib/agents/finops/index.ts) the Control Center shows; anything malformed reads as absent. */
const FinopsFigures = z.object({
  spend: z
    .object({
      window: z.object({ from: z.string(), to: z.string() }),
      totals: rows({ currency, cost: amount, last_7_days: amount, previous_7_days: amount }),
      daily: z.object({ service: rows({ day: z.string(), currency, cost: amount }) }).catch({ service: [] }),
    })
    .nullable()
    .catch(null),
  anomalies: z.object({ count: z.number().catch(0), impact: rows({ currency, amount }) }).catch({ count: 0, impact: [] }),
});

/** The parts of a RevOps run's figures (lib/agents/revops/index.ts) the Control Center shows. */
const RevopsFigures = z.object({
  pipeline: z.object({ byCurrency: rows({ currency, deals: amount, amount, weighted: amount }) }).catch({ byCurrency: [] }),
  receivables: z.object({ byCurrency: rows({ currency, overdue_invoices: amount, overdue: amount }) }).catch({ byCurrency: [] }),
  counts: z.object({ stalledDeals: amount }).catch({ stalledDeals: 0 }),
});

/** The largest of the per-currency rows and the rest, largest first; null when none is above zero. */
function mainCurrency<T>(items: T[], value: (item: T) => number): { main: T; rest: T[] } | null {
  const sorted = [...items].filter((i) => value(i) > 0).sort((a, b) => value(b) - value(a));
  return sorted.length ? { main: sorted[0]!, rest: sorted.slice(1) } : null;
}

/** The FinOps headline from a run's stored figures; `trendDays` of daily spend at most. */
export function finopsHeadline(figures: unknown, trendDays: number): FinopsHeadline {
  const f = FinopsFigures.parse(figures ?? {});
  const spend = f.spend ? mainCurrency(f.spend.totals, (t) => t.cost) : null;
  const byDay = new Map<string, number>();
  if (f.spend && spend) {
    for (const r of f.spend.daily.service) if (r.currency === spend.main.currency) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.cost);
  }
  return {
    spend:
      f.spend && spend
        ? {
            total: { amount: spend.main.cost, currency: spend.main.currency },
            others: spend.rest.map((t) => ({ amount: t.cost, currency: t.currency })),
            window: f.spend.window,
            period: null,
            last7: spend.main.last_7_days,
            previous7: spend.main.previous_7_days,
          }
        : null,
    anomalies: { count: f.anomalies.count, impact: f.anomalies.impact.map((i) => ({ amount: i.amount, currency: i.currency })) },
    trend: [...byDay]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(-trendDays)
      .map(([day, cost]) => ({ day, cost: Math.round(cost * 100) / 100 })),
  };
}

/** The RevOps headline from a run's stored figures. */
export function revopsHeadline(figures: unknown): RevopsHeadline {
  const f = RevopsFigures.parse(figures ?? {});
  const pipeline = mainCurrency(f.pipeline.byCurrency, (r) => r.amount);
  const overdue = mainCurrency(f.receivables.byCurrency, (r) => r.overdue);
  return {
    pipeline: pipeline
      ? {
          total: { amount: pipeline.main.amount, currency: pipeline.main.currency },
          weighted: pipeline.main.weighted,
          deals: pipeline.main.deals,
          others: pipeline.rest.map((r) => ({ amount: r.amount, currency: r.currency })),
        }
      : null,
    overdue: overdue
      ? {
          total: { amount: overdue.main.overdue, currency: overdue.main.currency },
          invoices: overdue.main.overdue_invoices,
          others: overdue.rest.map((r) => ({ amount: r.overdue, currency: r.currency })),
        }
      : null,
    stalledDeals: f.counts.stalledDeals,
  };
}
