import { MUTED } from "@/components/ui/tone";
import type { TaskDetail } from "@/lib/tasks/task-detail";
import { formatMoment, formatRelative } from "./format";

/** The durable steps the task completed, in order; a retry resumes after the last one. */
export function TaskSteps({ steps, engine, status, now }: { steps: TaskDetail["steps"]; engine: string; status: string; now: Date }) {
  if (steps.length === 0) {
    const why =
      engine === "inngest"
        ? "Steps of tasks run on Inngest are kept in Inngest's own run history."
        : status === "queued" || status === "in_progress"
          ? "No step has finished yet."
          : "No step finished.";
    return <p className={`text-sm ${MUTED}`}>{why}</p>;
  }
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm">
      {steps.map((s, i) => (
        <li key={i} className="break-words">
          {s.label}{" "}
          <span className={`text-xs ${MUTED}`}>
            done at{" "}
            <time dateTime={s.completedAt.toISOString()} title={formatRelative(s.completedAt, now)}>
              {formatMoment(s.completedAt, now)}
            </time>
          </span>
        </li>
      ))}
    </ol>
  );
}
