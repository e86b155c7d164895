"use client";

/** A timestamp in the reader's own time zone (the server's would mislead); "never" when absent. */
export function LocalTime({ value }: { value: Date | string | null }) {
  if (!value) return <span className="text-slate-500 dark:text-slate-400">never</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {date.toLocaleString()}
    </time>
  );
}
