import { LocalTime } from "@/components/connections/local-time";
import { MUTED } from "@/components/ui/tone";
import { formatDuration } from "./format";
import { BADGE, RUN_STATUS_TONE } from "./tone";
import type { RunDto } from "./types";

const TRIGGERS: Record<string, string> = { manual: "run by hand", schedule: "on schedule", cli: "from the CLI" };

/** The agent's newest run: how it went, when, how long, how many findings, and its narrative (or what failed). */
export function LatestRun({ run }: { run: RunDto | null }) {
  if (!run) return <p className={`text-sm ${MUTED}`}>Never run yet.</p>;
  return (
    <div className="min-w-0 space-y-2 text-sm" data-testid="latest-run">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className={`${BADGE} ${RUN_STATUS_TONE[run.status] ?? RUN_STATUS_TONE.queued}`}>{run.status}</span>
        <span className={MUTED}>
          <LocalTime value={run.startedAt} /> · {TRIGGERS[run.trigger] ?? run.trigger}
          {run.durationMs !== null && <> · {formatDuration(run.durationMs)}</>}
        </span>
      </p>
      {run.status === "success" && (
        <p>
          {run.findings === 1 ? "1 finding" : `${run.findings} findings`}, <span className="font-semibold">{run.newFindings} new</span>
        </p>
      )}
      {run.error && <p className="break-words text-red-700 dark:text-red-300">{run.error}</p>}
      {run.narrative && (
        <figure className="min-w-0">
          <figcaption className={`mb-1 text-xs ${MUTED}`}>
            {run.narrativeBy === "llm" ? "Briefing written by the model from the findings' kinds and money" : "Summary"}
          </figcaption>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800 dark:bg-slate-800/60 dark:text-slate-200">
            {run.narrative}
          </pre>
        </figure>
      )}
    </div>
  );
}
