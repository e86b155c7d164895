import { formatPercent } from "@/components/connections/format";

/** A mapping's confidence: green from 90 %, amber from 70 %, red below. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const tone =
    confidence >= 0.9
      ? "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
      : confidence >= 0.7
        ? "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300"
        : "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{formatPercent(confidence)}</span>;
}
