import "server-only";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { pageArgs, toPage } from "@/lib/db/page";
import { NotFoundError } from "@/lib/errors";
import { orderOf } from "@/lib/http/list";
import type { Agent, Finding, Prisma } from "@/lib/generated/prisma/client";
import type { ViewSource } from "@/lib/dcl/views/builds";
import { getAgentOrThrow } from "./registry";
import { DEFAULT_FINDING_SORT, type Finding as FindingDto, type ListFindingsQuery, type UpdateFindingInput } from "./schemas";
import type { FindingDraft } from "./types";

/** A finding as the API answers it (lib/agents/schemas.ts `Finding`). */
export function toFindingDto(f: Finding & { agent: { slug: string } }): FindingDto {
  return {
    id: f.id,
    agent: f.agent.slug,
    key: f.key,
    kind: f.kind,
    title: f.title,
    summary: f.summary,
    severity: f.severity as FindingDto["severity"],
    // Amount, currency and period are recorded together (recordFindings).
    impact:
      f.impactAmount === null ? null : ({ amount: f.impactAmount, currency: f.impactCurrency, per: f.impactPer } as FindingDto["impact"]),
    window: f.window as FindingDto["window"],
    sql: f.sql,
    rows: f.rows as FindingDto["rows"],
    lineage: f.lineage as FindingDto["lineage"],
    status: f.status as FindingDto["status"],
    statusById: f.statusById,
    statusAt: f.statusAt?.toISOString() ?? null,
    statusNote: f.statusNote,
    firstSeenAt: f.firstSeenAt.toISOString(),
    lastSeenAt: f.lastSeenAt.toISOString(),
    occurrences: f.occurrences,
    lastRunId: f.lastRunId,
  };
}

/** Most severe first (severity comes from money in each finding's own currency), then the most money. */
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Records a run's findings. One found again (same key) is the same finding: its evidence is
 * refreshed and counted; reopened if it had been resolved, while a person's acknowledgement or
 * dismissal stands. An open or acknowledged finding the run did not find again is resolved, with
 * no person, as "no longer found".
 */
export async function recordFindings(
  scope: TenantScope,
  agent: Agent,
  runId: string,
  drafts: FindingDraft[],
  sources: ViewSource[],
): Promise<{ found: number; new: number; resolved: number }> {
  const unique = [...new Map(drafts.map((d) => [d.key, d])).values()];
  const existing = new Map(
    (
      await scope.db.finding.findMany({ where: { tenantId: scope.tenantId, agentId: agent.id, key: { in: unique.map((d) => d.key) } } })
    ).map((f) => [f.key, f]),
  );
  const now = new Date();
  let created = 0;
  for (const d of unique) {
    const lineage = {
      entities: d.entities,
      sources: sources
        .filter((s) => d.entities.includes(s.entity))
        .map((s) => ({ connectionId: s.connectionId, stream: s.stream, entity: s.entity })),
    };
    const evidence = {
      kind: d.kind,
      title: d.title,
      summary: d.summary,
      severity: d.severity,
      impactAmount: d.impact?.amount ?? null,
      impactCurrency: d.impact?.currency ?? null,
      impactPer: d.impact?.per ?? null,
      window: (d.window ?? undefined) as Prisma.InputJsonValue | undefined,
      sql: d.sql,
      rows: d.rows as Prisma.InputJsonValue,
      lineage,
      lastRunId: runId,
      lastSeenAt: now,
    };
    const before = existing.get(d.key);
    if (!before) {
      await scope.db.finding.create({ data: { tenantId: scope.tenantId, agentId: agent.id, key: d.key, ...evidence, firstRunId: runId } });
      created++;
      continue;
    }
    const reopen = before.status === "resolved";
    await scope.db.finding.update({
      where: { id: before.id },
      data: {
        ...evidence,
        occurrences: { increment: 1 },
        ...(reopen && { status: "open", statusById: null, statusAt: now, statusNote: "found again" }),
      },
    });
  }
  const { count: resolved } = await scope.db.finding.updateMany({
    where: { tenantId: scope.tenantId, agentId: agent.id, status: { in: ["open", "acknowledged"] }, lastRunId: { not: runId } },
    data: { status: "resolved", statusById: null, statusAt: now, statusNote: "no longer found" },
  });
  return { found: unique.length, new: created, resolved };
}

/** A page of the tenant's findings, the most recently seen first unless `sort` says otherwise; `agent` (slug or id) must be the tenant's. */
export async function listFindings({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListFindingsQuery;
}): Promise<{ findings: FindingDto[]; nextCursor: string | null }> {
  const agentId = query.agent ? (await getAgentOrThrow(ctx, query.agent)).id : undefined;
  const rows = await ctx.db.finding.findMany({
    where: {
      tenantId: ctx.tenantId,
      ...(agentId && { agentId }),
      ...(query.status && { status: query.status }),
      ...(query.kind && { kind: query.kind }),
    },
    orderBy: orderOf(query.sort ?? DEFAULT_FINDING_SORT),
    include: { agent: { select: { slug: true } } },
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { findings: items.map(toFindingDto), nextCursor };
}

/** Ranks findings for people: the most severe first, then the most money (amounts in different currencies are only compared within a severity). */
export function rankFindings<T extends { severity: string; impact: { amount: number } | null }>(findings: T[]): T[] {
  return [...findings].sort(
    (a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || (b.impact?.amount ?? 0) - (a.impact?.amount ?? 0),
  );
}

/** A person acknowledges, resolves, dismisses or reopens a finding; who and when are kept. */
export async function updateFinding({
  ctx,
  id,
  input,
}: {
  ctx: TenantContext;
  id: string;
  input: UpdateFindingInput;
}): Promise<FindingDto> {
  const finding = await ctx.db.finding.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!finding) throw new NotFoundError("Finding");
  const updated = await ctx.db.finding.update({
    where: { id },
    data: { status: input.status, statusById: ctx.actor.userId, statusAt: new Date(), statusNote: input.note ?? null },
    include: { agent: { select: { slug: true } } },
  });
  return toFindingDto(updated);
}
