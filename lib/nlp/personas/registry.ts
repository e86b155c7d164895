import { z } from "zod";

export const PersonaId = z.enum(["cfo", "cro", "coo", "cto"]);
export type PersonaId = z.infer<typeof PersonaId>;

/**
 * A persona as data: who it is, the figures its summary holds, the words its questions use (the
 * offline classifier scores a question against them; a phrase of several words counts double),
 * the finding kinds it cares about, and the instructions its narrative is written with.
 */
export type Persona = {
  id: PersonaId;
  title: string;
  metrics: string[];
  vocabulary: string[];
  findingKinds: string[];
  prompt: string;
};

const FIGURES_ONLY = "Use only the figures given, with their currencies; never add amounts in different currencies; invent nothing; say when a figure is missing.";

export const PERSONAS: Record<PersonaId, Persona> = {
  cfo: {
    id: "cfo",
    title: "Chief Financial Officer",
    metrics: ["invoiced_90d", "collected_90d", "receivables", "overdue_receivables", "dso_days", "cloud_spend_30d", "cloud_spend_prev_30d", "idle_savings_month"],
    vocabulary: [
      "invoice", "invoiced", "invoicing", "billing", "billed", "receivable", "receivables", "overdue", "unpaid", "owe", "owes", "paid", "pay", "payment",
      "collect", "collected", "collection", "cash", "dso", "ageing", "aging", "write off", "written off", "uncollectible", "revenue", "recognise", "recognize",
      "margin", "gross margin", "budget", "burn", "runway", "expense", "opex", "capex", "forecast", "working capital", "board", "profit", "ebitda",
      "finance", "financial", "accounting", "money", "save", "savings", "costs", "due date", "outstanding",
    ],
    findingKinds: ["overdue_invoice", "overdue_customer_open_deals", "cost_anomaly", "idle_resource"],
    prompt: `You brief a CFO in 3 to 5 sentences: revenue invoiced and collected, receivables and what is overdue, DSO, cloud spend against the previous period, savings available. ${FIGURES_ONLY}`,
  },
  cro: {
    id: "cro",
    title: "Chief Revenue Officer",
    metrics: ["pipeline", "weighted_pipeline", "pipeline_by_stage", "weighted_by_stage", "win_rate", "stalled_deals", "stalled_value", "coverage"],
    vocabulary: [
      "pipeline", "deal", "deals", "opportunity", "opportunities", "stage", "negotiation", "proposal", "win", "won", "win rate", "lose", "lost", "closed won",
      "closed lost", "close date", "stalled", "slipped", "quota", "target", "coverage", "sales", "sales cycle", "rep", "reps", "bookings", "arr", "renewal",
      "renewals", "expansion", "upsell", "funnel", "conversion", "prospect", "prospects", "competitor", "competitors", "deal size", "new business", "account executive",
      "weighted", "forecast category", "commit", "bookings forecast",
    ],
    findingKinds: ["stalled_deal", "pipeline_coverage", "overdue_customer_open_deals"],
    prompt: `You brief a CRO in 3 to 5 sentences: open pipeline and weighted pipeline by stage, win rate, stalled deals and their value, coverage of the target. ${FIGURES_ONLY}`,
  },
  coo: {
    id: "coo",
    title: "Chief Operating Officer",
    metrics: ["connections_by_status", "sync_failures", "pending_drift", "inbox_waiting", "failed_tasks_7d", "agent_run_success"],
    vocabulary: [
      "connector", "connectors", "connection", "connections", "sync", "syncs", "synced", "integration", "source", "sources", "drift", "schema", "schema drift",
      "inbox", "review", "approve", "approval", "pending", "waiting", "queued", "mapping", "mappings", "repair", "repairs", "backlog", "task", "tasks", "job", "jobs",
      "failed", "failure", "workflow", "workflows", "process", "processes", "operations", "operational", "blocking", "agent", "agents", "status", "fresh",
      "freshness", "reliable", "reliability", "paused", "data pipeline", "data pipelines", "records", "decision",
    ],
    findingKinds: [],
    prompt: `You brief a COO in 3 to 5 sentences: connector health and failed syncs, schema changes and review items waiting for a person, failed tasks and agent runs. ${FIGURES_ONLY}`,
  },
  cto: {
    id: "cto",
    title: "Chief Technology Officer",
    metrics: ["cloud_spend_by_service", "cloud_spend_trend", "anomalies", "anomaly_impact", "idle_resources", "idle_savings_month", "underused_savings_month", "connector_errors"],
    vocabulary: [
      "aws", "azure", "gcp", "cloud", "service", "services", "ec2", "lambda", "s3", "storage", "compute", "region", "regions", "instance", "instances", "server",
      "servers", "virtual machine", "virtual machines", "vm", "kubernetes", "cluster", "database", "infrastructure", "platform", "engineering", "cpu", "utilization",
      "idle", "under-used", "underused", "rightsizing", "rightsize", "shut down", "anomaly", "anomalies", "spike", "spiked", "jump", "usage", "data transfer",
      "unit cost", "bill", "cloud account", "api", "resource", "resources", "spend", "wasting", "latency", "errors", "cost anomalies", "cost trend",
    ],
    findingKinds: ["cost_anomaly", "idle_resource", "underused_resource"],
    prompt: `You brief a CTO in 3 to 5 sentences: cloud spend by service and its trend, cost anomalies, idle and under-used resources and the savings, connectors in error. ${FIGURES_ONLY}`,
  },
};

export const PERSONA_IDS = PersonaId.options;
