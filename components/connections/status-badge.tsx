const STATUS: Record<string, { label: string; tone: string }> = {
  active: { label: "Active", tone: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" },
  paused: { label: "Paused", tone: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300" },
  error: { label: "Needs attention", tone: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300" },
};

/** A connection's status in words: active, paused, or needing attention (its last sync or check failed). */
export function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" };
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${s.tone}`}>{s.label}</span>;
}
