/** A text link in running copy. */
export const LINK = "font-medium text-brand-700 hover:underline dark:text-blue-300";

/** A link that reads as the page's main action, styled like the primary `Button`. */
export const PRIMARY_LINK =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white transition hover:bg-brand-700";

/** A small pill: states and labels beside a name. */
export const PILL = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold";
