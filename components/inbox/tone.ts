/**
 * Dark-mode companions to the components/ui primitives (which have none yet), appended through
 * their className so the inbox reads in both schemes.
 */
export const DARK_CARD = "dark:border-slate-800 dark:bg-slate-900";
export const DARK_SECONDARY = "dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";
export const DARK_DANGER = "dark:border-red-900 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950";
export const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";
export const MUTED = "text-slate-500 dark:text-slate-400";

/** Names of the kinds, as the page says them. */
export const KIND_LABELS = { repair: "Repair", mapping: "Mapping", schema: "Schema change" } as const;
