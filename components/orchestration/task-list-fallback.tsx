import { SURFACE } from "@/components/ui/tone";

/** While the task list loads: its outline, nothing that could be mistaken for data. */
export function TaskListFallback() {
  return (
    <div className={`${SURFACE} space-y-4 p-5`} aria-busy="true" aria-label="Loading tasks">
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="space-y-2">
          <div className="h-4 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-3 w-1/3 animate-pulse rounded bg-slate-100 dark:bg-slate-800/60" />
        </div>
      ))}
    </div>
  );
}
