/** Severity badges, most severe first; an unknown severity reads as low. */
export const SEVERITY_TONE: Record<string, string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  high: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  medium: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  low: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

export const FINDING_STATUS_TONE: Record<string, string> = {
  open: "bg-brand-50 text-brand-700 dark:bg-blue-950 dark:text-blue-300",
  acknowledged: "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  resolved: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  dismissed: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

export const RUN_STATUS_TONE: Record<string, string> = {
  success: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  running: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

export const BADGE = "rounded-full px-2 py-0.5 text-xs font-semibold";
