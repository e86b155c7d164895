import type { toFindingDto } from "@/lib/agents/findings";
import type { agentMetrics } from "@/lib/agents/metrics";
import type { AgentDto } from "@/lib/agents/registry";
import type { toRunDto } from "@/lib/agents/runs";

export type AgentMetrics = Awaited<ReturnType<typeof agentMetrics>>["agents"][number];
export type RunDto = ReturnType<typeof toRunDto>;
export type FindingDto = ReturnType<typeof toFindingDto>;

/** An agent as the page lists it: its last 30 days, latest run, a run waiting or running now, and the rows of the views it reads. */
export type ListedAgent = AgentDto & {
  metrics: AgentMetrics | null;
  latestRun: RunDto | null;
  pending: "queued" | "running" | null;
  views: { entity: string; rows: number }[];
};
