import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { listAgents } from "./registry";
import type { AgentMetricsReport, MetricsQuery } from "./schemas";

/** US dollars per million tokens (input, output), for the estimate; a model not listed has no estimate. */
const PRICES: Record<string, [number, number]> = {
  "openai/gpt-4o-mini": [0.15, 0.6],
  "openai/gpt-4o": [2.5, 10],
  "openai/gpt-4.1-mini": [0.4, 1.6],
  "google/gemini-1.5-flash": [0.075, 0.3],
  "google/gemini-2.0-flash": [0.1, 0.4],
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Each agent's record over the last `days`: runs, success rate, p50/p95 duration, tokens and the
 * estimated LLM cost, findings produced and acted on (a person acknowledged, resolved or dismissed them).
 */
export async function agentMetrics(scope: TenantScope, query: MetricsQuery): Promise<AgentMetricsReport> {
  const since = new Date(Date.now() - query.days * 86_400_000);
  const [agents, runs, findings] = await Promise.all([
    listAgents(scope),
    scope.db.agentRun.findMany({
      where: { tenantId: scope.tenantId, startedAt: { gte: since } },
      select: { agentId: true, status: true, durationMs: true, inputTokens: true, outputTokens: true, newFindings: true, inputs: true },
    }),
    scope.db.finding.groupBy({
      by: ["agentId"],
      where: { tenantId: scope.tenantId, statusById: { not: null }, statusAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const actedOn = new Map(findings.map((f) => [f.agentId, f._count._all]));
  return {
    since: since.toISOString(),
    agents: agents.map((agent) => {
      const mine = runs.filter((r) => r.agentId === agent.id);
      const finished = mine.filter((r) => r.status !== "running");
      const durations = finished.map((r) => r.durationMs ?? 0).sort((a, b) => a - b);
      const succeeded = finished.filter((r) => r.status === "success").length;
      const cost = mine.reduce<number | null>((sum, r) => {
        if (r.inputTokens + r.outputTokens === 0) return sum;
        const price = PRICES[String((r.inputs as { model?: string }).model)];
        return price && sum !== null ? sum + (r.inputTokens * price[0] + r.outputTokens * price[1]) / 1e6 : null;
      }, 0);
      return {
        agent: agent.slug,
        kind: agent.kind as AgentMetricsReport["agents"][number]["kind"],
        runs: mine.length,
        succeeded,
        failed: finished.length - succeeded,
        successRate: finished.length ? succeeded / finished.length : null,
        p50Ms: percentile(durations, 50),
        p95Ms: percentile(durations, 95),
        inputTokens: mine.reduce((n, r) => n + r.inputTokens, 0),
        outputTokens: mine.reduce((n, r) => n + r.outputTokens, 0),
        estimatedCostUsd: cost,
        findingsProduced: mine.reduce((n, r) => n + r.newFindings, 0),
        findingsActedOn: actedOn.get(agent.id) ?? 0,
      };
    }),
  };
}
