import type { DuckDBConnection } from "@duckdb/node-api";
import type { z } from "zod";
import type { Finding, Severity as SeveritySchema } from "./schemas";

export type Severity = z.infer<typeof SeveritySchema>;

/** Money a finding is about: a saving or an exposure, once or per period. */
export type Impact = NonNullable<Finding["impact"]>;

/**
 * One thing an agent found, with everything a person needs to check it: the SQL it ran against the
 * unified views (tables named as the entities: `cost`, `resource`, `opportunity`, ...), the rows or
 * figures behind it, the window it looked at, and the money at stake.
 */
export type FindingDraft = {
  /** Stable across runs: the same issue found again has the same key (e.g. `idle:i-0abc`). */
  key: string;
  /** What sort of finding (`cost_anomaly`, `idle_resource`, `stalled_deal`, `overdue_invoice`, ...). */
  kind: string;
  /** One line. */
  title: string;
  /** One or two sentences with the figures, and what to do. */
  summary: string;
  severity: Severity;
  impact: Impact | null;
  /** ISO dates (YYYY-MM-DD), inclusive; null when the finding has no time window. */
  window: { from: string; to: string } | null;
  /** A query a person can run against the views to see the rows behind the finding. */
  sql: string;
  /** The rows or figures behind it (at most 50). */
  rows: Record<string, unknown>[];
  /** The entities its query read: the finding's lineage starts there. */
  entities: string[];
};

/** What one analysis produced: its findings ranked (most money or severity first), the summary figures, and every query it ran. */
export type AnalysisResult = { findings: FindingDraft[]; figures: Record<string, unknown>; queries: string[] };

/**
 * An agent's analysis over a DuckDB connection where each entity it reads is a view named as the
 * entity (lib/agents/view-tables.ts). `asOf` is "today" for the analysis (tests and the demo pin it).
 */
export type Analysis<Options = Record<string, never>> = (
  duck: DuckDBConnection,
  options: { asOf: Date } & Partial<Options>,
) => Promise<AnalysisResult>;
