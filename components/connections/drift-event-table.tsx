import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { DriftEventDto } from "@/lib/aam/dto";
import { formatPercent } from "./format";
import { LocalTime } from "./local-time";

const SEVERITY: Record<string, string> = {
  breaking: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  potentially_breaking: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  non_breaking: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

/** The connection's schema changes, newest first. */
export function DriftEventTable({ events }: { events: DriftEventDto[] }) {
  return (
    <Card title="Drift events">
      {events.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No schema changes seen.</p>
      ) : (
        <ScrollX label="Drift events">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="text-slate-500 dark:text-slate-400">
              <tr><th className="py-2">Change</th><th>Stream</th><th>Field</th><th>Type</th><th>Severity</th><th>Status</th><th>When</th></tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="drift-event">
                  <td className="py-2">{e.kind.replaceAll("_", " ")}</td>
                  <td className="font-mono text-xs">{e.stream}</td>
                  <td className="font-mono text-xs">
                    {e.previousField && <>{e.previousField} → </>}
                    {e.field}
                    {e.confidence !== null && <span className="ml-1 font-sans text-slate-500 dark:text-slate-400">({formatPercent(e.confidence)})</span>}
                  </td>
                  <td className="font-mono text-xs">{e.previousType || e.currentType ? `${e.previousType ?? "–"} → ${e.currentType ?? "–"}` : ""}</td>
                  <td>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${SEVERITY[e.severity] ?? SEVERITY.non_breaking}`}>{e.severity.replaceAll("_", " ")}</span>
                  </td>
                  <td className={e.status === "pending" ? "font-semibold text-amber-700 dark:text-amber-300" : "text-slate-600 dark:text-slate-300"}>{e.status}</td>
                  <td className="text-xs text-slate-500 dark:text-slate-400"><LocalTime value={e.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
