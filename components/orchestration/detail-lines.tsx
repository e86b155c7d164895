import Link from "next/link";
import { MUTED } from "@/components/ui/tone";
import type { DetailLine } from "@/lib/tasks/detail-lines";

/** Label and value pairs (a task's input or result); an empty label continues the line above. */
export function DetailLines({ lines, empty }: { lines: DetailLine[]; empty: string }) {
  if (lines.length === 0) return <p className={`text-sm ${MUTED}`}>{empty}</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]">
      {lines.map((line, i) => (
        <div key={i} className="contents">
          <dt className={`break-words ${MUTED} ${line.label ? "pt-1 sm:pt-0" : "sr-only sm:not-sr-only"}`}>{line.label}</dt>
          <dd className={`break-words ${line.tone === "danger" ? "text-red-700 dark:text-red-300" : ""}`}>
            {line.href ? (
              <Link href={line.href} className="text-brand-700 hover:underline dark:text-blue-300">
                {line.value}
              </Link>
            ) : (
              line.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
