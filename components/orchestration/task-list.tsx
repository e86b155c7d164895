import Link from "next/link";
import { formatDuration } from "@/components/agents/format";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { TaskRow } from "@/lib/tasks/task-rows";
import { formatRelative } from "./format";
import { TaskActions } from "./task-actions";
import { TaskStatusBadge } from "./task-status-badge";

/** The status filter: the URL keeps the stored value, the page shows the word. */
export const STATUS_FILTERS = [
  { value: "queued", label: "Queued" },
  { value: "in_progress", label: "Running" },
  { value: "success", label: "Succeeded" },
  { value: "failed", label: "Failed" },
  { value: "cancelled", label: "Cancelled" },
] as const;

type Props = { rows: TaskRow[]; canWrite: boolean; status?: string; nextCursor: string | null; paged: boolean; now: Date };

export function TaskList({ rows, canWrite, status, nextCursor, paged, now }: Props) {
  const href = (params: { status?: string; cursor?: string }) => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"));
    return query.size ? `/orchestration?${query}` : "/orchestration";
  };
  const filterLabel = STATUS_FILTERS.find((f) => f.value === status)?.label.toLowerCase();
  return (
    <Card>
      <nav aria-label="Filter tasks by status" className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {[{ value: undefined, label: "All" }, ...STATUS_FILTERS].map((f) => (
          <Link
            key={f.label}
            href={href({ status: f.value })}
            aria-current={status === f.value ? "page" : undefined}
            className={
              status === f.value ? "font-semibold text-brand-700 dark:text-blue-300" : "text-slate-600 hover:underline dark:text-slate-300"
            }
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className={`py-4 text-sm ${MUTED}`}>
          {filterLabel
            ? `No ${filterLabel} tasks${paged ? " further back" : ""}.`
            : "No tasks yet. Syncs, drift checks, mapping repairs, view rebuilds, document ingests and agent runs appear here when they are asked for."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <li key={row.id} data-testid="task-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4">
              <div className="min-w-0 flex-1 space-y-0.5">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <Link
                    href={`/orchestration/tasks/${row.id}`}
                    className="break-words font-medium text-ink hover:underline dark:text-slate-100"
                  >
                    {row.title}
                  </Link>
                  <TaskStatusBadge label={row.status.label} tone={row.status.tone} />
                </div>
                {row.summary && <p className="break-words text-sm text-slate-700 dark:text-slate-300">{row.summary}</p>}
                {row.error && <p className="line-clamp-2 break-words text-sm text-red-700 dark:text-red-300">{row.error}</p>}
                <p className={`text-xs ${MUTED}`}>
                  {[
                    row.attempts,
                    row.retriedBy && row.retriedAt && `retried by ${row.retriedBy} ${formatRelative(row.retriedAt, now)}`,
                    timing(row, now),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {row.retryBlocked && row.retryBlocked !== row.error && (
                  <p className={`text-xs ${MUTED}`}>Can&apos;t be retried: {lowerFirst(row.retryBlocked)}.</p>
                )}
                {row.retryBlocked && row.retryBlocked === row.error && <p className={`text-xs ${MUTED}`}>Can&apos;t be retried.</p>}
              </div>
              {canWrite && <TaskActions id={row.id} title={row.title} canCancel={row.canCancel} canRetry={row.canRetry} />}
            </li>
          ))}
        </ul>
      )}
      {(nextCursor || paged) && (
        <nav aria-label="More tasks" className="mt-3 flex gap-4 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
          {paged && (
            <Link href={href({ status })} className="text-brand-700 hover:underline dark:text-blue-300">
              Newest tasks
            </Link>
          )}
          {nextCursor && (
            <Link href={href({ status, cursor: nextCursor })} className="text-brand-700 hover:underline dark:text-blue-300">
              Older tasks
            </Link>
          )}
        </nav>
      )}
    </Card>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** When, in the words that matter for the status: queued, started, next attempt, finished and how long it took. */
export function timing(
  row: Pick<TaskRow, "status" | "createdAt" | "startedAt" | "finishedAt" | "nextAttemptAt" | "retriedAt">,
  now: Date,
): string | null {
  if (row.status.value === "in_progress" && row.startedAt) return `started ${formatRelative(row.startedAt, now)}`;
  if (row.status.value === "queued") {
    if (row.nextAttemptAt && row.nextAttemptAt > now) return `next attempt ${formatRelative(row.nextAttemptAt, now)}`;
    // Retried and not started yet: the retry's time (beside who retried) says it all.
    return row.retriedAt ? null : `queued ${formatRelative(row.createdAt, now)}`;
  }
  if (row.finishedAt) {
    const took = row.startedAt ? `, took ${formatDuration(row.finishedAt.getTime() - row.startedAt.getTime())}` : "";
    return `finished ${formatRelative(row.finishedAt, now)}${took}`;
  }
  return `queued ${formatRelative(row.createdAt, now)}`;
}
