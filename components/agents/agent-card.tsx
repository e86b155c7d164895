"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { AgentMetrics } from "./agent-metrics";
import { scheduleInWords } from "./format";
import { LatestRun } from "./latest-run";
import { BADGE, RUN_STATUS_TONE } from "./tone";
import type { ListedAgent } from "./types";

type Props = {
  agent: ListedAgent;
  canManage: boolean;
  canRun: boolean;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
  onRun: () => void;
};

/** One agent: what it is and reads, when it runs, whether it may, its record over 30 days and its latest run. */
export function AgentCard({ agent, canManage, canRun, busy, onToggle, onRun }: Props) {
  const id = useId();
  const empty = agent.views.every((v) => v.rows === 0);
  return (
    <li className={`flex min-w-0 flex-col gap-4 p-4 ${SURFACE}`} aria-labelledby={`${id}-name`} data-testid="agent">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-name`} className="text-lg font-semibold">
            {agent.name}
          </h3>
          <p className={`break-words text-xs ${MUTED}`}>
            {agent.kind === "builtin" ? (
              "Built-in"
            ) : (
              <>
                Third party · <span className="font-mono">{hostOf(agent.endpoint)}</span>
              </>
            )}
            {" · "}
            <span className="font-mono">{agent.slug}</span>
          </p>
        </div>
        <EnabledSwitch name={agent.name} enabled={agent.enabled} editable={canManage} busy={busy} onChange={onToggle} />
      </div>
      {agent.description && <p className="text-sm text-slate-700 dark:text-slate-300">{agent.description}</p>}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className={MUTED}>Owner</dt>
        <dd className="break-words">{agent.owner || <span className={MUTED}>not set</span>}</dd>
        <dt className={MUTED}>Reads</dt>
        <dd className="flex flex-wrap gap-1">
          {agent.views.map((v) => (
            <span key={v.entity} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
              {v.entity} <span className="text-slate-600 dark:text-slate-400">({v.rows.toLocaleString("en-US")} rows)</span>
            </span>
          ))}
        </dd>
        <dt className={MUTED}>Schedule</dt>
        <dd>
          {agent.schedule === null ? (
            "on demand only"
          ) : (
            <>
              {scheduleInWords(agent.schedule) ?? <span className="font-mono">{agent.schedule}</span>}
              {!agent.enabled && <span className={MUTED}> (paused while disabled)</span>}
            </>
          )}
        </dd>
      </dl>
      {empty && (
        <p
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
          data-testid="agent-no-data"
        >
          The views it reads hold no rows yet, so a run finds nothing. Connect a source that feeds{" "}
          {agent.views.map((v) => v.entity).join(", ")} and approve its mappings in the Inbox.
        </p>
      )}
      <section aria-label={`${agent.name}: last 30 days`} className="space-y-1.5">
        <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Last 30 days</h4>
        <AgentMetrics metrics={agent.metrics} name={agent.name} />
      </section>
      <section aria-label={`${agent.name}: latest run`} className="space-y-1.5">
        <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Latest run</h4>
        <LatestRun run={agent.latestRun} />
      </section>
      {canRun && (
        <div className="mt-auto flex flex-wrap items-center gap-3">
          <Button disabled={busy || !agent.enabled || agent.pending !== null} onClick={onRun} aria-label={`Run now: ${agent.name}`}>
            Run now
          </Button>
          {agent.pending ? (
            <span role="status" className={`${BADGE} ${RUN_STATUS_TONE[agent.pending]}`} data-testid="agent-pending">
              {agent.pending === "queued" ? "Run queued…" : "Running…"}
            </span>
          ) : (
            !agent.enabled && <span className={`text-xs ${MUTED}`}>Enable it to run it.</span>
          )}
        </div>
      )}
    </li>
  );
}

/** On or off; a switch for owners and admins, a label for everyone else. */
function EnabledSwitch({
  name,
  enabled,
  editable,
  busy,
  onChange,
}: {
  name: string;
  enabled: boolean;
  editable: boolean;
  busy: boolean;
  onChange: (enabled: boolean) => void;
}) {
  if (!editable)
    return (
      <span className={`${BADGE} ${enabled ? RUN_STATUS_TONE.success : RUN_STATUS_TONE.queued}`}>{enabled ? "Enabled" : "Disabled"}</span>
    );
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-label={`${name} enabled`}
      disabled={busy}
      onClick={() => onChange(!enabled)}
      className="inline-flex items-center gap-2 rounded-md px-1 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50"
    >
      <span
        className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition ${enabled ? "bg-brand-600" : "bg-slate-300 dark:bg-slate-600"}`}
        aria-hidden
      >
        <span
          className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-all ${enabled ? "left-[1.125rem]" : "left-0.5"}`}
        />
      </span>
      <span aria-hidden>{enabled ? "Enabled" : "Disabled"}</span>
    </button>
  );
}

function hostOf(endpoint: string | null): string {
  if (!endpoint) return "no endpoint";
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
