import { SURFACE } from "@/components/ui/tone";
import type { TaskStats } from "@/lib/tasks/task-stats";
import { AgentRunChart, DurationChart, OutcomeChart } from "./lazy-task-charts";
import type { AgentRunStat } from "./task-charts";

/** The week in three charts: how long tasks take, failures per day, agent runs. */
export function OrchestrationCharts({ stats, agentRuns, days }: { stats: TaskStats; agentRuns: AgentRunStat[]; days: number }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
      <DurationChart data={stats.durations} days={days} />
      <OutcomeChart data={stats.perDay} />
      <AgentRunChart data={agentRuns} days={days} />
    </div>
  );
}

/** Shown while the charts load. */
export function ChartsFallback() {
  return (
    <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3" aria-busy="true" aria-label="Loading charts">
      {[0, 1, 2].map((i) => (
        <div key={i} className={`${SURFACE} h-64 animate-pulse`} />
      ))}
    </div>
  );
}
