/**
 * Marks a panel computed from the tenant's own stored data: a pulsing green dot and "Live", with
 * the source named in the tooltip and for screen readers ("Live: task history in the database").
 */
export function LiveBadge({ source }: { source: string }) {
  return (
    <span
      title={`Live: ${source}`}
      className="inline-flex shrink-0 items-center gap-1.5 text-xs font-medium text-emerald-700 dark:text-emerald-300"
      data-testid="live-badge"
    >
      <span className="relative flex size-2" aria-hidden>
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-75 motion-reduce:animate-none" />
        <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
      </span>
      Live<span className="sr-only">: {source}</span>
    </span>
  );
}

/** Marks demo content (DEMO_MODE, or figures computed from sample files): never the tenant's own data. */
export function DemoBadge({ source }: { source: string }) {
  return (
    <span
      title={`Demo: ${source}`}
      className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      data-testid="demo-badge"
    >
      Demo<span className="sr-only">: {source}</span>
    </span>
  );
}
