import "server-only";
import type { StatusFilter } from "@/components/agents/findings-href";
import type { ListedAgent } from "@/components/agents/types";
import { listConnectionNames } from "@/lib/aam/connections";
import { listFindings, rankFindings } from "@/lib/agents/findings";
import { agentMetrics } from "@/lib/agents/metrics";
import { listAgents, toAgentDto } from "@/lib/agents/registry";
import { listRuns } from "@/lib/agents/runs";
import type { TenantContext } from "@/lib/auth/context";
import { readBuild } from "@/lib/dcl/views/builds";
import { listTasks } from "@/lib/tasks/tasks";
import { listMembers } from "@/lib/tenancy/members";

/** Findings loaded per status asked for; the active filter asks twice (open, then acknowledged). */
const LIMIT = 100;

/**
 * Everything the agents page shows: each agent with its last 30 days, its latest run, whether a run
 * waits or runs now and how many rows the views it reads hold; the findings under the filter
 * (ranked by money, then severity), and the names behind ids (people, connections).
 */
export async function loadAgentsPage(ctx: TenantContext, filter: { agent?: string; status: StatusFilter; kind?: string }) {
  const [agents, metrics, build, members, connections, queued, running] = await Promise.all([
    listAgents(ctx),
    agentMetrics(ctx, { days: 30 }),
    readBuild(ctx),
    listMembers({ ctx, query: { limit: 1000 } }),
    listConnectionNames({ ctx }),
    listTasks({ ctx, query: { type: "agent.run", status: "queued", limit: 100 } }),
    listTasks({ ctx, query: { type: "agent.run", status: "in_progress", limit: 100 } }),
  ]);
  // An agent the filter names but the tenant does not have is no filter.
  const agent = agents.some((a) => a.slug === filter.agent) ? filter.agent : undefined;
  const statuses = filter.status === "active" ? (["open", "acknowledged"] as const) : [filter.status === "all" ? undefined : filter.status];
  const [latestRuns, findingPages] = await Promise.all([
    Promise.all(agents.map(async (a) => (await listRuns({ ctx, query: { agent: a.id, limit: 1 } })).runs[0] ?? null)),
    Promise.all(statuses.map((status) => listFindings({ ctx, query: { agent, status, kind: filter.kind, limit: LIMIT } }))),
  ]);

  const pending = new Map<string, "queued" | "running">();
  for (const task of queued.tasks) pending.set(agentOf(task.input), "queued");
  for (const task of running.tasks) pending.set(agentOf(task.input), "running");
  const rowsOf = new Map(build.entities.map((e) => [e.entity, e.rows]));

  return {
    agents: agents.map((a, i): ListedAgent => {
      const dto = toAgentDto(a);
      return {
        ...dto,
        metrics: metrics.agents.find((m) => m.agent === a.slug) ?? null,
        latestRun: latestRuns[i] ?? null,
        pending: pending.get(a.slug) ?? null,
        views: dto.entities.map((entity) => ({ entity, rows: rowsOf.get(entity) ?? 0 })),
      };
    }),
    filter: { ...filter, agent },
    findings: rankFindings(findingPages.flatMap((p) => p.findings)),
    more: findingPages.some((p) => p.nextCursor !== null),
    people: Object.fromEntries(members.members.map((m) => [m.userId, m.name || m.email])),
    connectionNames: Object.fromEntries(connections.map((c) => [c.id, c.name])),
  };
}

const agentOf = (input: unknown) => String((input as { agent?: unknown } | null)?.agent ?? "");
