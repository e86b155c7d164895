import { formatPercent } from "@/components/connections/format";

/** A mapping's confidence: green from 90 %, amber from 70 %, red below. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const tone = confidence >= 0.9 ? "bg-emerald-50 text-emerald-700" : confidence >= 0.7 ? "bg-amber-50 text-amber-700" : "bg-red-50 text-red-700";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{formatPercent(confidence)}</span>;
}
