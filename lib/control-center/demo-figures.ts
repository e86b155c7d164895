import { demoSummary } from "@/lib/nlp/personas/demo";
import type { Figure } from "@/lib/nlp/personas/types";
import type { FinopsHeadline, Money, RevopsHeadline } from "./agent-figures";

/**
 * The agents' headlines in demo mode (DEMO_MODE): the assistant's fixed demo figures
 * (lib/nlp/personas/demo.ts), so both pages show the same demo numbers, always labelled Demo.
 */
export function demoHeadlines(): { finops: FinopsHeadline; revops: RevopsHeadline } {
  const figures = [...demoSummary("cfo").figures, ...demoSummary("cro").figures, ...demoSummary("cto").figures];
  const all = (key: string) => figures.filter((f) => f.key === key && !f.dimension);
  const money = (f: Figure): Money => ({ amount: f.value ?? 0, currency: f.currency ?? null });
  const first = (key: string) => all(key)[0]?.value ?? null;
  const moneyOf = (key: string) => {
    const [main, ...rest] = [...new Map(all(key).map((f) => [f.currency, f])).values()].map(money);
    return main ? { total: main, others: rest } : null;
  };
  const spend = moneyOf("cloud_spend_30d");
  const pipeline = moneyOf("pipeline");
  const overdue = moneyOf("overdue_receivables");
  return {
    finops: {
      spend: spend && { ...spend, window: null, period: "last 30 days", last7: null, previous7: null },
      anomalies: { count: first("anomalies") ?? 0, impact: all("anomaly_impact").map(money) },
      trend: [],
    },
    revops: {
      pipeline: pipeline && { ...pipeline, weighted: first("weighted_pipeline"), deals: null },
      overdue: overdue && { ...overdue, invoices: null },
      stalledDeals: first("stalled_deals") ?? 0,
    },
  };
}
