/** A card's surface: `Card` draws it, and so do list items and panels laid out as cards. */
export const SURFACE = "rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";

/** A compact input or select, for filters and inline forms (`Field` is the full-width labelled one). */
export const CONTROL =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

/** Secondary text: captions, labels, empty states. */
export const MUTED = "text-slate-500 dark:text-slate-400";
