import type { Analysis } from "./types";
import { finopsAnalysis } from "./finops";
import { revopsAnalysis } from "./revops";

export type BuiltinAgent = {
  slug: string;
  name: string;
  description: string;
  entities: string[];
  schedule: string;
  analysis: Analysis<any>;
};

/** The agents every tenant has, run in process over the unified views; daily at 06:00 UTC unless the tenant changes it. */
export const BUILTIN_AGENTS: BuiltinAgent[] = [
  {
    slug: "finops",
    name: "FinOps agent",
    description: "Cloud spend by service, account and region; cost anomalies; idle and under-used resources with the saving.",
    entities: ["cost", "resource"],
    schedule: "0 6 * * *",
    analysis: finopsAnalysis,
  },
  {
    slug: "revops",
    name: "RevOps agent",
    description: "Pipeline and weighted pipeline, win rate, deal size and cycle; stalled deals; receivables ageing and DSO.",
    entities: ["account", "opportunity", "invoice"],
    schedule: "0 6 * * *",
    analysis: revopsAnalysis,
  },
];

export const builtinAgent = (slug: string | null) => BUILTIN_AGENTS.find((a) => a.slug === slug);
