import { Suspense } from "react";
import { z } from "zod";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { ChartsFallback, OrchestrationCharts } from "@/components/orchestration/orchestration-charts";
import { TaskList } from "@/components/orchestration/task-list";
import { TaskListFallback } from "@/components/orchestration/task-list-fallback";
import { EngineStatus } from "@/components/orchestration/engine-status";
import { ErrorText } from "@/components/ui/card";
import { PageHeading } from "@/components/ui/page-heading";
import type { TenantContext } from "@/lib/auth/context";
import { roleHasScope } from "@/lib/auth/roles";
import { jobEngineStatus } from "@/lib/jobs/engine";
import { log } from "@/lib/log";
import { TaskStatus } from "@/lib/tasks/types";
import { requirePageContext } from "../page-context";
import { CHART_DAYS, loadOrchestrationCharts, loadTaskPage } from "./load-orchestration";

export const metadata = { title: "Orchestration" };

/** An unknown or repeated value is no filter. */
const Filter = z.object({ status: TaskStatus.optional().catch(undefined), cursor: z.uuid().optional().catch(undefined) });

const PAGE_SIZE = 25;

export default async function OrchestrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  const filter = Filter.parse(await searchParams);
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["task.updated", "agent.run.finished"]} />
      <header className="space-y-1">
        <PageHeading title="Orchestration" panel="orchestration" />
        <p className="text-slate-600 dark:text-slate-300">
          Every long job (a sync, a drift check, a mapping repair, a view rebuild, a document ingest, an agent run) is a task that is
          retried on failure. Open one to see its attempts and what it produced.
        </p>
        <EngineStatus {...jobEngineStatus()} />
      </header>
      <Suspense key={`${filter.status}:${filter.cursor}`} fallback={<TaskListFallback />}>
        <Tasks ctx={ctx} filter={filter} />
      </Suspense>
      <section aria-labelledby="charts-heading" className="space-y-3">
        <h2 id="charts-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Last {CHART_DAYS} days
        </h2>
        <Suspense fallback={<ChartsFallback />}>
          <Charts ctx={ctx} />
        </Suspense>
      </section>
    </div>
  );
}

/** The list streams in under its own boundary (no route-wide loading state, so a task page's 404 stays a 404). */
async function Tasks({ ctx, filter }: { ctx: TenantContext; filter: z.infer<typeof Filter> }) {
  const { rows, nextCursor, paged } = await loadTaskPage(ctx, { limit: PAGE_SIZE, ...filter });
  return (
    <TaskList
      rows={rows}
      canWrite={roleHasScope(ctx.actor.role, "tasks:write")}
      status={filter.status}
      nextCursor={nextCursor}
      paged={paged}
      now={new Date()}
    />
  );
}

/** Loaded apart from the list, so the tasks show first; charts that fail to load leave the list working. */
async function Charts({ ctx }: { ctx: TenantContext }) {
  const charts = await loadOrchestrationCharts(ctx).catch((error) => {
    log.warn("orchestration charts not loaded", { tenantId: ctx.tenantId, error });
    return null;
  });
  return charts ? (
    <OrchestrationCharts {...charts} days={CHART_DAYS} />
  ) : (
    <ErrorText>The charts could not be loaded; reload the page to try again.</ErrorText>
  );
}
