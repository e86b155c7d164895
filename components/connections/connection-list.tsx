import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { ConnectorSummary } from "@/lib/aam/overview";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** The tenant's connections with their status and latest drift event. `typeLabels` maps source type to its name. */
export function ConnectionList({ connectors, typeLabels }: { connectors: ConnectorSummary[]; typeLabels: Record<string, string> }) {
  return (
    <Card>
      {connectors.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No connections yet. Add a file, database or Salesforce source below; its records and schema changes appear here once it syncs.</p>
      ) : (
        <ScrollX label="Connections">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-slate-500 dark:text-slate-400">
              <tr><th className="py-2">Name</th><th>Type</th><th>Status</th><th>Mappings</th><th>Last drift event</th></tr>
            </thead>
            <tbody>
              {connectors.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="connection-row">
                  <td className="py-2">
                    <Link href={`/connections/${c.id}`} className="font-medium text-brand-700 hover:underline dark:text-blue-300">{c.name}</Link>
                  </td>
                  <td>{typeLabels[c.source_type] ?? c.source_type}</td>
                  <td className="space-x-1">
                    <StatusBadge status={c.status} />
                    {c.has_drift && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-700 dark:bg-amber-950 dark:text-amber-300">drift</span>}
                  </td>
                  <td>{c.mapping_count}</td>
                  <td className="text-xs text-slate-500 dark:text-slate-400">
                    {c.last_event_type ? (
                      <>
                        <span className="font-mono text-slate-700 dark:text-slate-300">{c.last_event_type.replaceAll("_", " ")}</span>
                        <br />
                        <LocalTime value={c.last_event_at} />
                      </>
                    ) : (
                      "none"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
    </Card>
  );
}
