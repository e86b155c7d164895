import type { JobEngineMode } from "@/lib/jobs/mode";

/** Where tasks run, and whether anything is taking them. */
export function EngineStatus({ mode, status }: { mode: JobEngineMode; status: "ok" | "down" }) {
  const where = mode === "inngest" ? "Tasks run on Inngest" : "Tasks run inside this app server";
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300" data-testid="engine-status">
      <span aria-hidden className={`inline-block size-2 rounded-full ${status === "ok" ? "bg-emerald-500" : "bg-red-500"}`} />
      {where}
      {status === "ok" ? ": running." : ": not running, so queued tasks wait until it starts."}
    </p>
  );
}
