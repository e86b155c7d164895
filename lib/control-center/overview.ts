import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { inboxCounts } from "@/lib/inbox/list";
import { recentActivity } from "./activity";
import { agentHeadlines } from "./agents";
import { connectionKpi } from "./connections";
import { driftKpi } from "./drift";
import { firstRunGuide } from "./first-run";
import { ingestKpi } from "./ingest";
import { llmKpi } from "./llm";
import { mappingKpi } from "./mappings";
import { describePanel } from "@/lib/live-data/panels";
import { taskKpi } from "./tasks";

/** Trends cover this many UTC days, today included. */
export const TREND_DAYS = 14;
/** The task failure rate covers this many days. */
export const RECENT_TASK_DAYS = 7;
const ACTIVITY_ITEMS = 10;

/**
 * Everything the Control Center shows, read for the tenant at `now`: each KPI with its 14-day
 * trend, the agents' headline figures, the recent activity and the first-run guide, every panel
 * with where its data comes from (lib/live-data/panels.ts). Plain data, for a server component.
 */
export async function loadControlCenter(ctx: TenantContext, { now = new Date(), demo }: { now?: Date; demo?: boolean } = {}) {
  const inbox = await inboxCounts(ctx);
  const [connections, ingest, drift, mappings, tasks, llm, agents, activity, agentRuns, questions] = await Promise.all([
    connectionKpi(ctx),
    ingestKpi(ctx, now, TREND_DAYS),
    driftKpi(ctx, inbox, now, TREND_DAYS),
    mappingKpi(ctx, inbox, now, TREND_DAYS),
    taskKpi(ctx, now, TREND_DAYS, RECENT_TASK_DAYS),
    llmKpi(ctx, now, TREND_DAYS),
    agentHeadlines(ctx, { trendDays: TREND_DAYS, demo }),
    recentActivity(ctx, ACTIVITY_ITEMS),
    ctx.db.agentRun.count({ where: { tenantId: ctx.tenantId, status: "success" } }),
    ctx.db.llmCall.count({ where: { tenantId: ctx.tenantId, purpose: "nlp.ask", error: null } }),
  ]);
  return {
    now,
    trendDays: TREND_DAYS,
    inbox,
    guide: firstRunGuide({
      connections: connections.total,
      mappingsInForce: mappings.inForce,
      mappingsWaiting: mappings.waitingNow,
      agentRuns,
      questions,
    }),
    connections: { panel: describePanel("connections"), ...connections },
    ingest: { panel: describePanel("ingest"), ...ingest },
    drift: { panel: describePanel("drift"), ...drift },
    mappings: { panel: describePanel("mappings"), ...mappings },
    tasks: { panel: describePanel("tasks"), ...tasks },
    llm: { panel: describePanel("llm"), ...llm },
    agents,
    activity: { panel: describePanel("activity"), items: activity },
  };
}

export type ControlCenter = Awaited<ReturnType<typeof loadControlCenter>>;
