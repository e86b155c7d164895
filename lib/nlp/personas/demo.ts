import { env } from "@/lib/env";
import { templateNarrative } from "./narrative";
import { PERSONAS, type PersonaId } from "./registry";
import type { Figure, Highlight, PersonaSummary } from "./schemas";

/** Demo mode is `DEMO_MODE=true`. A per-tenant setting would need a schema change and is not offered. */
export const demoModeOn = () => env.demoMode;

const DEMO_AS_OF = "2026-11-01";
const DEMO_QUERY = "demo content: fixed numbers, not computed from any data";

type DemoFigure = Pick<Figure, "key" | "label" | "value" | "unit"> & Partial<Pick<Figure, "currency" | "dimension" | "per">>;
const usd = (key: string, label: string, value: number, extra: Partial<DemoFigure> = {}): DemoFigure => ({
  key,
  label,
  value,
  unit: "money",
  currency: "USD",
  ...extra,
});
const eur = (key: string, label: string, value: number, extra: Partial<DemoFigure> = {}): DemoFigure => ({
  key,
  label,
  value,
  unit: "money",
  currency: "EUR",
  ...extra,
});

const FIGURES: Record<PersonaId, DemoFigure[]> = {
  cfo: [
    usd("invoiced_90d", "Invoiced (issued, not draft or void), last 90 days", 1_284_500),
    eur("invoiced_90d", "Invoiced (issued, not draft or void), last 90 days", 342_000),
    usd("collected_90d", "Collected (paid), last 90 days", 1_106_250),
    eur("collected_90d", "Collected (paid), last 90 days", 298_400),
    usd("overdue_receivables", "Overdue receivables", 187_300),
    eur("overdue_receivables", "Overdue receivables", 41_900),
    { key: "dso_days", label: "DSO", value: 47.5, unit: "days", currency: "USD" },
    { key: "dso_days", label: "DSO", value: 52.1, unit: "days", currency: "EUR" },
    usd("cloud_spend_30d", "Cloud spend, last 30 days", 84_120),
    usd("cloud_spend_prev_30d", "Cloud spend, the 30 days before", 79_460),
    usd("idle_savings_month", "Saving from stopping idle resources", 2_150, { per: "month" }),
  ],
  cro: [
    usd("pipeline", "Open pipeline", 3_450_000),
    usd("weighted_pipeline", "Weighted pipeline", 1_212_500),
    usd("weighted_by_stage", "Weighted pipeline by stage", 180_000, { dimension: { stage: "Qualification" } }),
    usd("weighted_by_stage", "Weighted pipeline by stage", 412_500, { dimension: { stage: "Proposal" } }),
    usd("weighted_by_stage", "Weighted pipeline by stage", 620_000, { dimension: { stage: "Negotiation" } }),
    { key: "win_rate", label: "Win rate", value: 0.31, unit: "ratio" },
    { key: "stalled_deals", label: "Stalled deals", value: 9, unit: "count" },
    usd("stalled_value", "Stalled deals' value", 465_000),
    { key: "coverage", label: "Coverage of the quarter's target", value: 2.4, unit: "ratio", currency: "USD" },
  ],
  coo: [
    { key: "connections_by_status", label: "Connections by status", value: 5, unit: "count", dimension: { status: "active" } },
    { key: "connections_by_status", label: "Connections by status", value: 1, unit: "count", dimension: { status: "error" } },
    { key: "sync_failures", label: "Connections whose last sync failed", value: 1, unit: "count" },
    { key: "pending_drift", label: "Schema changes waiting for approval", value: 2, unit: "count" },
    { key: "inbox_waiting", label: "Items waiting for review in the inbox", value: 7, unit: "count" },
    { key: "failed_tasks_7d", label: "Tasks failed in the last 7 days", value: 3, unit: "count" },
    { key: "agent_run_success", label: "Agent runs succeeded, last 30 days", value: 0.96, unit: "ratio" },
  ],
  cto: [
    usd("spend_by_service_30d", "Spend by service, last 30 days", 31_200, { dimension: { service: "AmazonEC2" } }),
    usd("spend_by_service_30d", "Spend by service, last 30 days", 14_850, { dimension: { service: "AmazonRDS" } }),
    usd("spend_by_service_30d", "Spend by service, last 30 days", 6_420, { dimension: { service: "AWSLambda" } }),
    { key: "anomalies", label: "Cost anomalies found", value: 2, unit: "count" },
    usd("anomaly_impact", "Spend above expected in the anomalies", 583),
    { key: "idle_resources", label: "Idle and under-used resources", value: 14, unit: "count" },
    usd("idle_savings_month", "Saving from stopping idle resources", 2_150, { per: "month" }),
    { key: "connections_by_status", label: "Connections in error", value: 1, unit: "count", dimension: { status: "error" } },
  ],
};

const HIGHLIGHTS: Record<PersonaId, Omit<Highlight, "source">[]> = {
  cfo: [
    {
      kind: "overdue_invoice",
      title: "Demo: an invoice is 74 days overdue",
      severity: "high",
      impact: { amount: 58_000, currency: "USD", per: "once" },
    },
  ],
  cro: [
    {
      kind: "stalled_deal",
      title: "Demo: a deal in Negotiation has not moved for 41 days",
      severity: "high",
      impact: { amount: 120_000, currency: "USD", per: "once" },
    },
  ],
  coo: [],
  cto: [
    {
      kind: "cost_anomaly",
      title: "Demo: Lambda spend spiked on one day",
      severity: "medium",
      impact: { amount: 497, currency: "USD", per: "once" },
    },
  ],
};

/** The same demo summary every time, every figure and highlight labelled demo. */
export function demoSummary(persona: PersonaId, at = new Date()): PersonaSummary {
  const figures: Figure[] = FIGURES[persona].map((f) => ({ ...f, query: DEMO_QUERY, source: "demo", asOf: DEMO_AS_OF, demo: true }));
  const highlights: Highlight[] = HIGHLIGHTS[persona].map((h) => ({ ...h, source: "demo" }));
  return {
    persona,
    title: PERSONAS[persona].title,
    demo: true,
    generatedAt: at.toISOString(),
    asOf: DEMO_AS_OF,
    freshness: { viewsBuiltAt: null, latestAgentRuns: {} },
    figures,
    highlights,
    narrative: { text: templateNarrative(persona, figures, highlights, true), by: "template" },
  };
}
