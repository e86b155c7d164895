import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import { NotFoundError } from "@/lib/errors";
import type { AgentRun } from "@/lib/generated/prisma/client";
import { getAgentOrThrow } from "./registry";
import type { ListRunsQuery } from "./schemas";

export function toRunDto(r: AgentRun & { agent?: { slug: string } }) {
  return {
    id: r.id,
    agent: r.agent?.slug ?? null,
    taskId: r.taskId,
    trigger: r.trigger,
    status: r.status,
    buildId: r.buildId,
    inputs: r.inputs,
    queries: r.queries,
    figures: r.figures,
    narrative: r.narrative,
    narrativeBy: r.narrativeBy,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    findings: r.findings,
    newFindings: r.newFindings,
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
  };
}

export async function listRuns({ ctx, query }: { ctx: TenantContext; query: ListRunsQuery }) {
  const agentId = query.agent ? (await getAgentOrThrow(ctx, query.agent)).id : undefined;
  const rows = await ctx.db.agentRun.findMany({
    where: { tenantId: ctx.tenantId, ...(agentId && { agentId }) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    include: { agent: { select: { slug: true } } },
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { runs: items.map(toRunDto), nextCursor };
}

export async function getRun({ ctx, id }: { ctx: TenantContext; id: string }) {
  const run = await ctx.db.agentRun.findFirst({ where: { id, tenantId: ctx.tenantId }, include: { agent: { select: { slug: true } } } });
  if (!run) throw new NotFoundError("Run");
  return toRunDto(run);
}
