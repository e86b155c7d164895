import { formatDuration } from "@/components/agents/format";
import { MUTED } from "@/components/ui/tone";
import type { RoundView } from "@/lib/tasks/task-detail";
import { formatDateTime, formatMoment, formatRelative } from "./format";
import { TaskStatusBadge } from "./task-status-badge";

/** Every attempt, oldest first, with each manual retry between the rounds it separates. */
export function AttemptHistory({ rounds, waiting, now }: { rounds: RoundView[]; waiting: boolean; now: Date }) {
  const none = rounds.every((r) => r.attempts.length === 0 && !r.retry);
  if (none) return <p className={`text-sm ${MUTED}`}>{waiting ? "No attempt has started yet." : "No attempt ran."}</p>;
  return (
    <ol className="space-y-4">
      {rounds.map((round, i) => (
        <li key={i} className="space-y-2">
          {round.retry && (
            <p className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-200">
              Retried by {round.retry.by} {formatRelative(round.retry.at, now)}, with a fresh set of {round.budget}{" "}
              {round.budget === 1 ? "attempt" : "attempts"}.
            </p>
          )}
          {round.attempts.length === 0 ? (
            <p className={`text-sm ${MUTED}`}>
              {waiting && i === rounds.length - 1 ? "Waiting for its first attempt." : "No attempt ran."}
            </p>
          ) : (
            <ol className="space-y-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
              {round.attempts.map((a) => (
                <li key={a.number} className="space-y-0.5" data-testid="task-attempt">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">
                      Attempt {a.number} of {round.budget}
                    </span>
                    <TaskStatusBadge label={a.outcome} tone={a.tone} />
                  </div>
                  <p className={`text-xs ${MUTED}`}>
                    Started{" "}
                    <time dateTime={new Date(a.startedAt).toISOString()} title={formatDateTime(a.startedAt)}>
                      {formatMoment(a.startedAt, now)}
                    </time>{" "}
                    ({formatRelative(a.startedAt, now)}){a.durationMs !== null ? `, took ${formatDuration(a.durationMs)}` : ""}
                  </p>
                  {a.error && <p className="break-words text-sm text-red-700 dark:text-red-300">{a.error}</p>}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}
