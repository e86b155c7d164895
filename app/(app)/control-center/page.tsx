import { ActivityFeed } from "@/components/control-center/activity-feed";
import { FinopsPanel, RevopsPanel } from "@/components/control-center/agent-panels";
import { FirstRunGuide } from "@/components/control-center/first-run-guide";
import { HealthPanel } from "@/components/control-center/health-panel";
import { ConnectionsCard, DriftCard, LlmCard, MappingsCard, RecordsCard, TasksCard } from "@/components/control-center/kpi-cards";
import { WorkspaceCard } from "@/components/control-center/workspace-card";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { loadControlCenter } from "@/lib/control-center/overview";
import { describePanel } from "@/lib/live-data/panels";
import { checkHealth } from "@/lib/health/check-health";
import { countMembers } from "@/lib/tenancy/members";
import { requireAccount, requirePageContext } from "../page-context";

export const metadata = { title: "Control Center" };

const SECTION = "text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

export default async function ControlCenterPage() {
  const ctx = await requirePageContext();
  const [account, memberCount, health, cc] = await Promise.all([
    requireAccount(),
    countMembers({ ctx }),
    checkHealth(),
    loadControlCenter(ctx),
  ]);
  const days = cc.trendDays;
  return (
    <div className="space-y-6">
      <RefreshOnEvents
        types={["task.updated", "aam.sync.completed", "aam.drift.detected", "inbox.changed", "dcl.views.rebuilt", "agent.run.finished"]}
      />
      <header>
        <h1 className="text-2xl font-bold">Control center</h1>
        <p className="text-slate-600 dark:text-slate-300">
          {account.tenant.name}: what your sources, mappings, tasks and agents did, from your workspace&apos;s own records.
        </p>
      </header>
      {cc.guide.show && <FirstRunGuide guide={cc.guide} panel={describePanel("firstRun")} />}
      <section aria-labelledby="kpi-heading" className="space-y-3">
        <h2 id="kpi-heading" className={SECTION}>
          Data flow
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          <ConnectionsCard data={cc.connections} days={days} />
          <RecordsCard data={cc.ingest} days={days} />
          <MappingsCard data={cc.mappings} days={days} />
          <DriftCard data={cc.drift} days={days} />
          <TasksCard data={cc.tasks} days={days} />
          <LlmCard data={cc.llm} days={days} />
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="agents-heading" className="space-y-3 lg:col-span-2">
          <h2 id="agents-heading" className={SECTION}>
            Agents
          </h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
            <FinopsPanel agent={cc.agents.finops} now={cc.now} />
            <RevopsPanel agent={cc.agents.revops} now={cc.now} />
          </div>
        </section>
        <section aria-labelledby="activity-heading" className="space-y-3 lg:col-span-3">
          <h2 id="activity-heading" className={SECTION}>
            What happened
          </h2>
          <ActivityFeed panel={cc.activity.panel} items={cc.activity.items} now={cc.now} />
        </section>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <HealthPanel health={health} panel={describePanel("health")} />
        <WorkspaceCard panel={describePanel("workspace")} members={memberCount} role={account.role} slug={account.tenant.slug} />
      </div>
    </div>
  );
}
