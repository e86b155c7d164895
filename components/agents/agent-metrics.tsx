import { formatPercent } from "@/components/connections/format";
import { MUTED } from "@/components/ui/tone";
import { formatCount, formatDuration, formatUsd } from "./format";
import type { AgentMetrics as Metrics } from "./types";

/** An agent's last 30 days: runs, success rate, durations, findings; tokens and cost only when it used a model. */
export function AgentMetrics({ metrics, name }: { metrics: Metrics | null; name: string }) {
  if (!metrics || metrics.runs === 0) return <p className={`text-sm ${MUTED}`}>No runs in the last 30 days.</p>;
  const tokens = metrics.inputTokens + metrics.outputTokens;
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm" aria-label={`${name}: the last 30 days`}>
      <Stat label="Runs" value={formatCount(metrics.runs)} note={metrics.failed > 0 ? `${metrics.failed} failed` : undefined} />
      <Stat label="Success rate" value={metrics.successRate === null ? "–" : formatPercent(metrics.successRate)} />
      <Stat label="Duration p50 / p95" value={`${formatDuration(metrics.p50Ms)} / ${formatDuration(metrics.p95Ms)}`} />
      <Stat label="Findings new / acted on" value={`${formatCount(metrics.findingsProduced)} / ${formatCount(metrics.findingsActedOn)}`} />
      {tokens > 0 && (
        <Stat
          label="Tokens, est. cost"
          value={formatCount(tokens)}
          note={metrics.estimatedCostUsd === null ? "cost unknown for this model" : `about ${formatUsd(metrics.estimatedCostUsd)}`}
        />
      )}
    </dl>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-2.5 py-1.5 dark:bg-slate-800/60">
      <dt className={`text-xs ${MUTED}`}>{label}</dt>
      <dd className="font-semibold tabular-nums">
        {value}
        {note && <span className={`block text-xs font-normal ${MUTED}`}>{note}</span>}
      </dd>
    </div>
  );
}
