import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import { NotFoundError } from "@/lib/errors";
import { orderOf } from "@/lib/http/list";
import type { AgentRun } from "@/lib/generated/prisma/client";
import { getAgentOrThrow } from "./registry";
import { type AgentRun as RunDto, DEFAULT_RUN_SORT, type ListRunsQuery } from "./schemas";

/** A run as the API answers it (lib/agents/schemas.ts `AgentRun`). */
export function toRunDto(r: AgentRun & { agent: { slug: string } }): RunDto {
  return {
    id: r.id,
    agent: r.agent.slug,
    taskId: r.taskId,
    trigger: r.trigger as RunDto["trigger"],
    status: r.status as RunDto["status"],
    buildId: r.buildId,
    inputs: r.inputs as RunDto["inputs"],
    queries: r.queries as string[],
    figures: r.figures as RunDto["figures"],
    narrative: r.narrative,
    narrativeBy: r.narrativeBy as RunDto["narrativeBy"],
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

/** A page of the tenant's runs, the latest first unless `sort` says otherwise; `agent` (slug or id) must be the tenant's. */
export async function listRuns({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListRunsQuery;
}): Promise<{ runs: RunDto[]; nextCursor: string | null }> {
  const agentId = query.agent ? (await getAgentOrThrow(ctx, query.agent)).id : undefined;
  const rows = await ctx.db.agentRun.findMany({
    where: { tenantId: ctx.tenantId, ...(agentId && { agentId }), ...(query.status && { status: query.status }) },
    orderBy: orderOf(query.sort ?? DEFAULT_RUN_SORT),
    include: { agent: { select: { slug: true } } },
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { runs: items.map(toRunDto), nextCursor };
}

/** Scoped to the tenant. Throws NotFoundError. */
export async function getRun({ ctx, id }: { ctx: TenantContext; id: string }): Promise<RunDto> {
  const run = await ctx.db.agentRun.findFirst({ where: { id, tenantId: ctx.tenantId }, include: { agent: { select: { slug: true } } } });
  if (!run) throw new NotFoundError("Run");
  return toRunDto(run);
}
