import { formatDuration } from "@/components/agents/format";
import { MUTED } from "@/components/ui/tone";
import type { TaskDetail } from "@/lib/tasks/task-detail";
import { formatDateTime, formatRelative } from "./format";

/** Queued, started, finished (or the next attempt), and how long it took, in UTC with the relative time beside it. */
export function TaskTiming({ task, now }: { task: TaskDetail; now: Date }) {
  const running = task.status.value === "in_progress" && task.startedAt;
  const lastRetry = task.rounds.findLast((r) => r.retry)?.retry;
  const rows: [string, Date | null, string?][] = [
    ["Queued", task.createdAt],
    ...(lastRetry ? [["Retried", lastRetry.at] as [string, Date]] : []),
    ["Started", task.startedAt, task.startedAt ? undefined : "Not yet"],
    task.nextAttemptAt && task.status.value === "queued"
      ? ["Next attempt", task.nextAttemptAt]
      : ["Finished", task.finishedAt, task.finishedAt ? undefined : "Not yet"],
  ];
  return (
    <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([label, at, none]) => (
        <div key={label} className="contents">
          <dt className={MUTED}>{label}</dt>
          <dd className="break-words">
            {at ? (
              <>
                <time dateTime={at.toISOString()}>{formatDateTime(at)}</time> <span className={MUTED}>({formatRelative(at, now)})</span>
              </>
            ) : (
              <span className={MUTED}>{none}</span>
            )}
          </dd>
        </div>
      ))}
      <dt className={MUTED}>Duration</dt>
      <dd>
        {task.durationMs !== null ? (
          formatDuration(task.durationMs)
        ) : running ? (
          `Running for ${formatDuration(now.getTime() - task.startedAt!.getTime())}`
        ) : (
          <span className={MUTED}>Not finished</span>
        )}
        {task.durationMs !== null && task.rounds.at(-1)!.attempts.length > 1 && (
          <span className={`block text-xs ${MUTED}`}>
            From the first attempt{lastRetry ? " since the retry" : ""} to the end, waits between attempts included
          </span>
        )}
      </dd>
    </dl>
  );
}
