import type { ReactNode } from "react";
import { MUTED } from "@/components/ui/tone";
import type { ControlCenter } from "@/lib/control-center/overview";
import { formatCompact, formatCount, formatPercent } from "./format";
import { Facts, Headline, Panel } from "./panel";
import { TrendChart } from "./lazy-trend-chart";
import type { TrendSeries } from "./trend-chart";

type Props<K extends keyof ControlCenter> = { data: ControlCenter[K]; days: number };

/** The trend, or a line saying there was nothing to draw. */
function Trend({
  data,
  series,
  label,
  empty,
}: {
  data: ({ day: string } & Record<string, number | string>)[];
  series: TrendSeries[];
  label: string;
  empty: string;
}) {
  const any = data.some((d) => series.some((s) => Number(d[s.key]) > 0));
  return any ? <TrendChart data={data} series={series} label={label} /> : <p className={`text-xs ${MUTED}`}>{empty}</p>;
}

function Note({ children }: { children: ReactNode }) {
  return <p className={`text-xs ${MUTED}`}>{children}</p>;
}

export function ConnectionsCard({ data }: Props<"connections">) {
  const { byStatus, total } = data;
  const segments = [
    { key: "active", n: byStatus.active, className: "bg-emerald-500" },
    { key: "paused", n: byStatus.paused, className: "bg-amber-500" },
    { key: "error", n: byStatus.error, className: "bg-red-500" },
  ].filter((s) => s.n > 0);
  return (
    <Panel panel={data.panel} href="/connections">
      <Headline value={formatCount(total)} label={total === 1 ? "connection" : "connections"} testId="kpi-connections" />
      {total > 0 && (
        <div
          className="flex h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          role="img"
          aria-label={`${byStatus.active} active, ${byStatus.paused} paused, ${byStatus.error} in error`}
        >
          {segments.map((s) => (
            <div key={s.key} className={s.className} style={{ width: `${(s.n / total) * 100}%` }} />
          ))}
        </div>
      )}
      <Facts
        items={[
          { label: "Active", value: formatCount(byStatus.active), testId: "kpi-connections-active" },
          { label: "Paused", value: formatCount(byStatus.paused), tone: byStatus.paused ? "warn" : undefined },
          {
            label: "In error",
            value: formatCount(byStatus.error),
            tone: byStatus.error ? "bad" : undefined,
            testId: "kpi-connections-error",
          },
          { label: "Last sync failed", value: formatCount(data.lastSyncFailed), tone: data.lastSyncFailed ? "bad" : undefined },
          ...(data.neverSynced ? [{ label: "Never synced", value: formatCount(data.neverSynced) }] : []),
          ...(data.safeMode ? [{ label: "In safe mode", value: formatCount(data.safeMode) }] : []),
        ]}
      />
    </Panel>
  );
}

export function RecordsCard({ data, days }: Props<"ingest">) {
  const fresh = data.daily.reduce((n, d) => n + d.new, 0);
  const changed = data.daily.reduce((n, d) => n + d.updated, 0);
  return (
    <Panel panel={data.panel} href="/connections">
      {data.currentRecords === null ? (
        <Headline value="–" label="records held (could not be counted just now)" />
      ) : (
        <Headline
          value={formatCompact(data.currentRecords)}
          title={`${formatCount(data.currentRecords)} records, each counted once in its latest version`}
          label="records held"
          testId="kpi-records"
        />
      )}
      <Trend
        data={data.daily}
        series={[
          { key: "new", label: "New records", tone: "main" },
          { key: "updated", label: "Changed records", tone: "muted" },
        ]}
        label={`Records stored per day, last ${days} days`}
        empty={`No records stored in the last ${days} days.`}
      />
      <Facts
        items={[
          { label: `New, last ${days} days`, value: formatCount(fresh), testId: "kpi-records-new" },
          { label: `Changed, last ${days} days`, value: formatCount(changed), testId: "kpi-records-changed" },
          { label: `Set aside, last ${days} days`, value: formatCount(data.quarantined), tone: data.quarantined ? "warn" : undefined },
        ]}
      />
      <Note>A changed record is stored as a new version; it counts once in the records held.</Note>
    </Panel>
  );
}

export function DriftCard({ data, days }: Props<"drift">) {
  const r = data.repairs;
  return (
    <Panel panel={data.panel} href="/inbox">
      <Headline
        value={formatCount(data.detected)}
        label={`schema ${data.detected === 1 ? "change" : "changes"}, last ${days} days`}
        testId="kpi-drift"
      />
      <Trend
        data={data.daily}
        series={[{ key: "changes", label: "Schema changes", tone: "warn" }]}
        label={`Schema changes per day, last ${days} days`}
        empty={`No schema change in the last ${days} days.`}
      />
      <Facts
        items={[
          { label: "Applied under the policy", value: formatCount(data.applied) },
          {
            label: "Changes waiting for review",
            value: formatCount(data.waitingNow),
            tone: data.waitingNow ? "warn" : undefined,
            testId: "kpi-drift-waiting",
          },
          { label: "Repairs auto-applied", value: formatCount(r.autoApplied), testId: "kpi-repairs-auto" },
          {
            label: "Repairs waiting for review",
            value: formatCount(r.waitingNow),
            tone: r.waitingNow ? "warn" : undefined,
            testId: "kpi-repairs-waiting",
          },
          { label: "Repairs rejected", value: formatCount(r.rejected), testId: "kpi-repairs-rejected" },
        ]}
      />
    </Panel>
  );
}

export function MappingsCard({ data, days }: Props<"mappings">) {
  return (
    <Panel panel={data.panel} href="/ontology">
      <Headline value={formatCount(data.inForce)} label={data.inForce === 1 ? "field mapped" : "fields mapped"} testId="kpi-mappings" />
      <Trend
        data={data.daily}
        series={[
          { key: "automatic", label: "Approved automatically", tone: "main" },
          { key: "people", label: "Decided by people", tone: "good" },
        ]}
        label={`Mappings approved per day, last ${days} days`}
        empty={`No mapping approved in the last ${days} days.`}
      />
      <Facts
        items={[
          { label: "Approved automatically", value: formatCount(data.automatic) },
          { label: "Decided by people", value: formatCount(data.inForce - data.automatic) },
          {
            label: "Waiting for review",
            value: formatCount(data.waitingNow),
            tone: data.waitingNow ? "warn" : undefined,
            testId: "kpi-mappings-waiting",
          },
        ]}
      />
    </Panel>
  );
}

export function TasksCard({ data, days }: Props<"tasks">) {
  const { recent } = data;
  return (
    <Panel panel={data.panel} href="/orchestration">
      {data.failureRate === null ? (
        <Headline value="–" label={`failure rate, nothing finished in the last ${data.recentDays} days`} testId="kpi-task-failure-rate" />
      ) : (
        <Headline
          value={formatPercent(data.failureRate)}
          label={`of finished tasks failed, last ${data.recentDays} days`}
          testId="kpi-task-failure-rate"
        />
      )}
      <Trend
        data={data.daily}
        series={[
          { key: "succeeded", label: "Succeeded", tone: "good" },
          { key: "failed", label: "Failed", tone: "bad" },
        ]}
        label={`Tasks finished per day, last ${days} days`}
        empty={`No task finished in the last ${days} days.`}
      />
      <Facts
        items={[
          { label: `Succeeded, last ${data.recentDays} days`, value: formatCount(recent.success), testId: "kpi-tasks-success" },
          {
            label: `Failed, last ${data.recentDays} days`,
            value: formatCount(recent.failed),
            tone: recent.failed ? "bad" : undefined,
            testId: "kpi-tasks-failed",
          },
          ...(recent.cancelled ? [{ label: `Cancelled, last ${data.recentDays} days`, value: formatCount(recent.cancelled) }] : []),
          { label: "Queued or running now", value: formatCount(data.activeNow) },
        ]}
      />
    </Panel>
  );
}

export function LlmCard({ data, days }: Props<"llm">) {
  return (
    <Panel panel={data.panel}>
      <Headline
        value={formatCount(data.calls)}
        label={`language-model ${data.calls === 1 ? "call" : "calls"}, last ${days} days`}
        testId="kpi-llm-calls"
      />
      <Trend
        data={data.daily}
        series={[{ key: "tokens", label: "Tokens", tone: "main" }]}
        label={`Tokens per day, last ${days} days`}
        empty={`No tokens used in the last ${days} days.`}
      />
      <Facts
        items={[
          { label: "Input tokens", value: formatCompact(data.inputTokens), testId: "kpi-llm-input" },
          { label: "Output tokens", value: formatCompact(data.outputTokens), testId: "kpi-llm-output" },
          { label: "Failed calls", value: formatCount(data.errors), tone: data.errors ? "warn" : undefined },
        ]}
      />
      {!data.configured && (
        <Note>
          No language model is configured: mappings, repairs, agents and the assistant use their rules and templates, at no token cost.
        </Note>
      )}
    </Panel>
  );
}
