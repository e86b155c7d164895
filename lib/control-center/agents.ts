import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { DEMO_CONNECTION } from "@/lib/aam/demo-sources";
import { BUILTIN_AGENTS } from "@/lib/agents/builtins";
import { readBuild, type ViewSource } from "@/lib/dcl/views/builds";
import type { AgentRun } from "@/lib/generated/prisma/client";
import { demoModeOn } from "@/lib/nlp/personas/demo";
import { finopsHeadline, revopsHeadline, type FinopsHeadline, type RevopsHeadline } from "./agent-figures";
import { demoHeadlines } from "./demo-figures";
import { describePanel, type PanelSource } from "@/lib/live-data/panels";
import { shownError } from "@/lib/tasks/error-text";

/** The latest run an agent's figures come from. */
export type RunSummary = { startedAt: Date; findings: number; newFindings: number };

/**
 * One built-in agent's headline: from its latest successful run (`figures`), with a later failed
 * run said plainly; `neverRan` when it has no successful run. In demo mode, the fixed demo figures.
 */
export type AgentHeadline<F> = {
  slug: "finops" | "revops";
  name: string;
  panel: PanelSource;
  figures: F | null;
  run: RunSummary | null;
  /** The newest run failed (after the one shown, if any): when, and why in the tenant's words. */
  failed: { at: Date; error: string | null } | null;
  /** A run is queued or running now. */
  running: boolean;
};

export type AgentHeadlines = { finops: AgentHeadline<FinopsHeadline>; revops: AgentHeadline<RevopsHeadline> };

const SAMPLE_FILES = "computed from the sample files (mock_sources) the demo workspace ships with, not your data";

/** The built-in agents' headline figures, read from their stored runs; `demo` is DEMO_MODE unless given. */
export async function agentHeadlines(
  ctx: TenantContext,
  { trendDays, demo = demoModeOn() }: { trendDays: number; demo?: boolean },
): Promise<AgentHeadlines> {
  const [finops, revops] = await Promise.all([latest(ctx, "finops"), latest(ctx, "revops")]);
  if (demo) {
    const figures = demoHeadlines();
    return {
      finops: { ...finops, panel: describePanel("finops", "demo"), figures: figures.finops, run: null, failed: null },
      revops: { ...revops, panel: describePanel("revops", "demo"), figures: figures.revops, run: null, failed: null },
    };
  }
  const [finopsSample, revopsSample] = await Promise.all([
    fromSampleFiles(ctx, finops.success, "finops"),
    fromSampleFiles(ctx, revops.success, "revops"),
  ]);
  return {
    finops: {
      ...finops,
      panel: describePanel("finops", finopsSample ? "demo" : "live", SAMPLE_FILES),
      figures: finops.success ? finopsHeadline(finops.success.figures, trendDays) : null,
    },
    revops: {
      ...revops,
      panel: describePanel("revops", revopsSample ? "demo" : "live", SAMPLE_FILES),
      figures: revops.success ? revopsHeadline(revops.success.figures) : null,
    },
  };
}

/** The agent's latest successful run, its newest run when that failed, and whether one is under way. */
async function latest(ctx: TenantContext, slug: "finops" | "revops") {
  const agent = { tenantId: ctx.tenantId, slug, kind: "builtin" };
  const [success, newest, named] = await Promise.all([
    ctx.db.agentRun.findFirst({
      where: { tenantId: ctx.tenantId, status: "success", agent },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    }),
    ctx.db.agentRun.findFirst({
      where: { tenantId: ctx.tenantId, agent },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { status: true, startedAt: true, error: true },
    }),
    ctx.db.agent.findFirst({ where: agent, select: { name: true } }),
  ]);
  const queued = await ctx.db.task.count({
    where: {
      tenantId: ctx.tenantId,
      type: "agent.run",
      status: { in: ["queued", "in_progress"] },
      input: { path: ["agent"], equals: slug },
    },
  });
  return {
    slug,
    name: named?.name ?? BUILTIN_AGENTS.find((b) => b.slug === slug)!.name,
    success,
    run: success ? { startedAt: success.startedAt, findings: success.findings, newFindings: success.newFindings } : null,
    failed: newest?.status === "failed" ? { at: newest.startedAt, error: shownError(newest.error) } : null,
    running: queued > 0 || newest?.status === "running",
  };
}

/**
 * True when every source the run's views read is the demo workspace's sample-file connection: its
 * figures are then sample data, however real the run. The run's build, or the current one once
 * that build was cleaned up.
 */
async function fromSampleFiles(ctx: TenantContext, run: AgentRun | null, slug: string): Promise<boolean> {
  if (!run) return false;
  const entities = BUILTIN_AGENTS.find((b) => b.slug === slug)!.entities;
  const build = run.buildId
    ? await ctx.db.viewBuild.findFirst({ where: { id: run.buildId, tenantId: ctx.tenantId }, select: { sources: true } })
    : null;
  const sources = build ? (build.sources as ViewSource[]) : (await readBuild(ctx)).sources;
  const ids = [...new Set(sources.filter((s) => entities.includes(s.entity)).map((s) => s.connectionId))];
  if (ids.length === 0) return false;
  const connections = await ctx.db.connection.findMany({ where: { tenantId: ctx.tenantId, id: { in: ids } }, select: { name: true } });
  return connections.length === ids.length && connections.every((c) => c.name === DEMO_CONNECTION);
}
