"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/components/agents/format";
import { SURFACE, MUTED } from "@/components/ui/tone";
import { useColorScheme } from "@/components/ui/use-color-scheme";
import type { DayStat, DurationStat } from "@/lib/tasks/task-stats";
import { formatDay } from "./format";

export type AgentRunStat = {
  name: string;
  runs: number;
  succeeded: number;
  failed: number;
  findings: number;
  p50Ms: number | null;
  p95Ms: number | null;
};

const PALETTE = {
  light: {
    grid: "#e2e8f0",
    tick: "#64748b",
    tooltip: "#ffffff",
    tooltipText: "#0f172a",
    border: "#cbd5e1",
    cursor: "#f1f5f9",
    p50: "#2563eb",
    p95: "#93c5fd",
    ok: "#059669",
    failed: "#dc2626",
    cancelled: "#94a3b8",
    findings: "#7c3aed",
  },
  dark: {
    grid: "#334155",
    tick: "#94a3b8",
    tooltip: "#0f172a",
    tooltipText: "#f1f5f9",
    border: "#475569",
    cursor: "#1e293b",
    p50: "#93c5fd",
    p95: "#3b82f6",
    ok: "#34d399",
    failed: "#f87171",
    cancelled: "#64748b",
    findings: "#c4b5fd",
  },
};

function usePalette() {
  return PALETTE[useColorScheme()];
}

/** Legend entries in the axis colour: a light bar colour would make unreadable text. */
function legendProps(p: (typeof PALETTE)["light"]) {
  return { wrapperStyle: { fontSize: 12 }, formatter: (value: string) => <span style={{ color: p.tick }}>{value}</span> };
}

function tooltipProps(p: (typeof PALETTE)["light"]) {
  return {
    contentStyle: { background: p.tooltip, borderColor: p.border, color: p.tooltipText, borderRadius: 6, fontSize: 12 },
    labelStyle: { color: p.tooltipText, fontWeight: 600 },
    itemStyle: { color: p.tooltipText },
    cursor: { fill: p.cursor },
  };
}

/** Seconds on an axis: `0 s`, `1.5 s`, `2 min`. */
const axisDuration = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 100) / 10} s`);

function ChartCard({
  title,
  caption,
  children,
  className = "",
}: {
  title: string;
  caption: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`${SURFACE} min-w-0 p-4 ${className}`}>
      <figcaption className="mb-2">
        <span className="block text-sm font-semibold">{title}</span>
        <span className={`block text-xs ${MUTED}`}>{caption}</span>
      </figcaption>
      {children}
    </figure>
  );
}

/** How long each kind of task took, start to success: median and 95th percentile. */
export function DurationChart({ data, days }: { data: DurationStat[]; days: number }) {
  const p = usePalette();
  return (
    <ChartCard title="How long tasks take" caption={`Succeeded tasks of the last ${days} days, from first start to finish`}>
      {data.length === 0 ? (
        <Empty>No task succeeded in the last {days} days.</Empty>
      ) : (
        <>
          <BarChart
            responsive
            layout="vertical"
            data={data}
            style={{ width: "100%", height: 48 + data.length * 44 }}
            margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
            aria-hidden
            accessibilityLayer={false}
            tabIndex={-1}
          >
            <CartesianGrid horizontal={false} stroke={p.grid} />
            <XAxis type="number" tickFormatter={axisDuration} tick={{ fill: p.tick, fontSize: 11 }} stroke={p.grid} />
            <YAxis type="category" dataKey="kind" width={112} tick={{ fill: p.tick, fontSize: 12 }} stroke={p.grid} />
            <Tooltip {...tooltipProps(p)} formatter={(v) => formatDuration(Number(v))} />
            <Legend {...legendProps(p)} />
            <Bar dataKey="p50Ms" name="Median (p50)" fill={p.p50} radius={[0, 3, 3, 0]} />
            <Bar dataKey="p95Ms" name="Slowest 5% (p95)" fill={p.p95} radius={[0, 3, 3, 0]} />
          </BarChart>
          <table className="sr-only">
            <caption>Task durations, last {days} days</caption>
            <thead>
              <tr>
                <th>Kind</th>
                <th>Tasks</th>
                <th>Median</th>
                <th>95th percentile</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.kind}>
                  <td>{d.kind}</td>
                  <td>{d.runs}</td>
                  <td>{formatDuration(d.p50Ms)}</td>
                  <td>{formatDuration(d.p95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ChartCard>
  );
}

/** Tasks that ended each day, by outcome; failures stand out in red. */
export function OutcomeChart({ data }: { data: DayStat[] }) {
  const p = usePalette();
  const failed = data.reduce((s, d) => s + d.failed, 0);
  const total = data.reduce((s, d) => s + d.succeeded + d.failed + d.cancelled, 0);
  const rows = data.map((d) => ({ ...d, label: formatDay(d.day) }));
  return (
    <ChartCard
      title="Failures per day"
      caption={
        total === 0
          ? `Tasks that ended in the last ${data.length} days`
          : `${failed} of ${total} tasks failed in the last ${data.length} days (UTC days)`
      }
    >
      {total === 0 ? (
        <Empty>No task ended in the last {data.length} days.</Empty>
      ) : (
        <>
          <BarChart
            responsive
            data={rows}
            style={{ width: "100%", height: 200 }}
            margin={{ top: 4, right: 4, bottom: 0, left: -20 }}
            aria-hidden
            accessibilityLayer={false}
            tabIndex={-1}
          >
            <CartesianGrid vertical={false} stroke={p.grid} />
            <XAxis dataKey="label" tick={{ fill: p.tick, fontSize: 11 }} stroke={p.grid} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fill: p.tick, fontSize: 11 }} stroke={p.grid} />
            <Tooltip {...tooltipProps(p)} />
            <Legend {...legendProps(p)} />
            <Bar dataKey="failed" name="Failed" stackId="day" fill={p.failed} />
            <Bar dataKey="cancelled" name="Cancelled" stackId="day" fill={p.cancelled} />
            <Bar dataKey="succeeded" name="Succeeded" stackId="day" fill={p.ok} radius={[3, 3, 0, 0]} />
          </BarChart>
          <table className="sr-only">
            <caption>Tasks that ended per day</caption>
            <thead>
              <tr>
                <th>Day</th>
                <th>Succeeded</th>
                <th>Failed</th>
                <th>Cancelled</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.day}>
                  <td>{d.label}</td>
                  <td>{d.succeeded}</td>
                  <td>{d.failed}</td>
                  <td>{d.cancelled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ChartCard>
  );
}

/** Each agent's runs (succeeded, failed) and the new findings they produced, side by side; durations in words below. */
export function AgentRunChart({ data, days }: { data: AgentRunStat[]; days: number }) {
  const p = usePalette();
  const height = 40 + data.length * 40;
  const panel = (title: string, bars: ReactNode) => (
    <div className="min-w-0">
      <p className={`text-xs font-medium ${MUTED}`}>{title}</p>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        aria-hidden
        accessibilityLayer={false}
        tabIndex={-1}
      >
        <CartesianGrid horizontal={false} stroke={p.grid} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: p.tick, fontSize: 11 }} stroke={p.grid} />
        <YAxis type="category" dataKey="name" width={96} tick={{ fill: p.tick, fontSize: 12 }} stroke={p.grid} />
        <Tooltip {...tooltipProps(p)} />
        {bars}
      </BarChart>
    </div>
  );
  return (
    <ChartCard
      title="Agent runs"
      caption={`Runs and the new findings they produced, last ${days} days`}
      className="lg:col-span-2 2xl:col-span-1"
    >
      {data.length === 0 ? (
        <Empty>No agent ran in the last {days} days.</Empty>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            {panel("Runs", [
              <Bar key="ok" dataKey="succeeded" name="Succeeded" stackId="runs" fill={p.ok} />,
              <Bar key="failed" dataKey="failed" name="Failed" stackId="runs" fill={p.failed} radius={[0, 3, 3, 0]} />,
            ])}
            {panel("New findings", <Bar dataKey="findings" name="New findings" fill={p.findings} radius={[0, 3, 3, 0]} />)}
          </div>
          <ul className={`mt-2 space-y-0.5 text-xs ${MUTED}`}>
            {data.map((a) => (
              <li key={a.name}>
                {a.name}: {a.runs} {a.runs === 1 ? "run" : "runs"}
                {a.failed ? ` (${a.failed} failed)` : ""}, {a.findings} new {a.findings === 1 ? "finding" : "findings"}, median{" "}
                {formatDuration(a.p50Ms)}, p95 {formatDuration(a.p95Ms)}
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartCard>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className={`py-6 text-sm ${MUTED}`}>{children}</p>;
}
