"use client";

/** A timestamp in the reader's own time zone (the server's would mislead), or only its date; "never" when absent. */
export function LocalTime({ value, dateOnly = false }: { value: Date | string | null; dateOnly?: boolean }) {
  if (!value) return <span className="text-slate-500 dark:text-slate-400">never</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {dateOnly ? date.toLocaleDateString() : date.toLocaleString()}
    </time>
  );
}
