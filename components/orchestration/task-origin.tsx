import Link from "next/link";
import { MUTED } from "@/components/ui/tone";
import type { TaskDetail } from "@/lib/tasks/task-detail";
import { formatDateTime, formatRelative } from "./format";

/** Who or what asked for the task, and when. */
export function TaskOrigin({ origin, createdAt, now }: { origin: TaskDetail["origin"]; createdAt: Date; now: Date }) {
  const when = (
    <time dateTime={createdAt.toISOString()} title={formatDateTime(createdAt)}>
      {formatRelative(createdAt, now)}
    </time>
  );
  return (
    <p className={`text-sm ${MUTED}`}>
      {origin.kind === "person" && (
        <>
          Asked for by {origin.name} {when}
        </>
      )}
      {origin.kind === "schedule" && <>Queued by the agent&apos;s schedule {when}</>}
      {origin.kind === "system" && <>Queued automatically {when}</>}
      {origin.kind === "follow-up" && (
        <>
          Queued {when} after{" "}
          <Link href={`/orchestration/tasks/${origin.id}`} className="text-brand-700 hover:underline dark:text-blue-300">
            {origin.title}
          </Link>
        </>
      )}
    </p>
  );
}
