import type { Severity } from "@/lib/agents/types";
import type { PersonaId } from "./registry";

/**
 * One figure of a summary. Money is per currency (`currency` set, never summed across currencies);
 * `value` is null when the views hold nothing to compute it from, and `note` says why.
 * `query` is the SQL that produced it (runnable against the views) or the source it was read from;
 * `asOf` is its freshness: when the views it read were built, or when the records were read.
 */
export type Figure = {
  key: string;
  label: string;
  value: number | null;
  unit: "money" | "count" | "days" | "ratio";
  currency?: string;
  /** The breakdown the figure is one part of (`{ stage: "Negotiation" }`, `{ service: "AWSLambda" }`). */
  dimension?: Record<string, string>;
  /** Money per period (savings a month); absent for amounts once. */
  per?: "month";
  window?: { from: string; to: string };
  query: string;
  source: "views" | "database" | "demo";
  asOf: string | null;
  note?: string;
  demo: boolean;
};

/** A finding the persona cares about, ranked by severity then money. */
export type Highlight = {
  kind: string;
  title: string;
  severity: Severity;
  impact: { amount: number; currency: string; per: string } | null;
  /** "findings": the agent's latest stored run; "live": computed now from the views (no run stored yet). */
  source: "findings" | "live" | "demo";
};

export type AgentRunFreshness = { runId: string; status: string; startedAt: string; finishedAt: string | null } | null;

export type PersonaSummary = {
  persona: PersonaId;
  title: string;
  demo: boolean;
  generatedAt: string;
  asOf: string;
  freshness: { viewsBuiltAt: string | null; latestAgentRuns: Record<string, AgentRunFreshness> };
  figures: Figure[];
  highlights: Highlight[];
  narrative: { text: string; by: "llm" | "template" };
};
