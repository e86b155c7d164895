import "server-only";
import type { AgentRunStat } from "@/components/orchestration/task-charts";
import { agentMetrics } from "@/lib/agents/metrics";
import { listAgents } from "@/lib/agents/registry";
import type { TenantContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import type { ListTasksQuery } from "@/lib/tasks/schemas";
import { listTaskRows } from "@/lib/tasks/task-rows";
import { taskStats } from "@/lib/tasks/task-stats";

export const CHART_DAYS = 7;

/** A page of tasks in words; a cursor that is not one of this tenant's tasks (stale, edited) starts from the newest. */
export async function loadTaskPage(ctx: TenantContext, query: ListTasksQuery) {
  try {
    return { ...(await listTaskRows({ ctx, query })), paged: query.cursor !== undefined };
  } catch (error) {
    if (!(error instanceof ValidationError) || !query.cursor) throw error;
    return { ...(await listTaskRows({ ctx, query: { ...query, cursor: undefined } })), paged: false };
  }
}

/** The charts: task durations and outcomes per day, and each agent's runs, over the last week. */
export async function loadOrchestrationCharts(ctx: TenantContext) {
  const [stats, agents, metrics] = await Promise.all([
    taskStats(ctx, { days: CHART_DAYS }),
    listAgents(ctx),
    agentMetrics(ctx, { days: CHART_DAYS }),
  ]);
  const names = new Map(agents.map((a) => [a.slug, a.name]));
  const agentRuns: AgentRunStat[] = metrics.agents
    .filter((a) => a.runs > 0)
    .map((a) => ({
      name: names.get(a.agent) ?? "An agent",
      runs: a.runs,
      succeeded: a.succeeded,
      failed: a.failed,
      findings: a.findingsProduced,
      p50Ms: a.p50Ms,
      p95Ms: a.p95Ms,
    }));
  return { stats, agentRuns };
}
