import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import { MUTED } from "@/components/ui/tone";
import type { SyncOutcome } from "@/lib/aam/connection-figures";
import type { ConnectorSummary } from "@/lib/aam/overview";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";
import { SYNC_OUTCOME_TONE, SYNC_OUTCOME_WORDS } from "./words";

/** The latest schema change's kind, as the list names it. */
const CHANGE_WORDS: Record<string, string> = {
  stream_added: "New stream",
  stream_removed: "Stream gone",
  field_added: "Field added",
  field_removed: "Field removed",
  field_renamed: "Field renamed",
  type_changed: "Type changed",
  nullability_changed: "Empty values changed",
};

const isOutcome = (s: string | null): s is SyncOutcome => s === "success" || s === "partial" || s === "failed";

/** The tenant's connections with their status, last sync and latest schema change. `typeLabels` maps source type to its name. */
export function ConnectionList({ connectors, typeLabels }: { connectors: ConnectorSummary[]; typeLabels: Record<string, string> }) {
  return (
    <Card>
      {connectors.length === 0 ? (
        <p className={`text-sm ${MUTED}`} data-testid="connections-empty">
          No connections yet. Add a file, database or Salesforce source below; its records and schema changes appear here once it syncs.
        </p>
      ) : (
        <ScrollX label="Connections">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className={MUTED}>
              <tr>
                <th className="py-2 pr-3">Name</th>
                <th className="pr-3">Type</th>
                <th className="pr-3">Status</th>
                <th className="pr-3">Last sync</th>
                <th className="pr-3">Mappings</th>
                <th>Latest schema change</th>
              </tr>
            </thead>
            <tbody>
              {connectors.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="connection-row">
                  <td className="py-2 pr-3">
                    <Link href={`/connections/${c.id}`} className="font-medium text-brand-700 hover:underline dark:text-blue-300">
                      {c.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{typeLabels[c.source_type] ?? c.source_type}</td>
                  <td className="space-y-1 py-2 pr-3">
                    <StatusBadge status={c.status} />
                    {c.has_drift && (
                      <span className="block text-xs font-semibold text-amber-800 dark:text-amber-300">Schema change to check</span>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    {c.last_sync_at ? (
                      <>
                        {isOutcome(c.last_sync_status) && (
                          <span className={`block font-semibold ${SYNC_OUTCOME_TONE[c.last_sync_status]}`}>
                            {SYNC_OUTCOME_WORDS[c.last_sync_status]}
                          </span>
                        )}
                        <span className={MUTED}>
                          <LocalTime value={c.last_sync_at} />
                        </span>
                      </>
                    ) : (
                      <span className={MUTED}>Not yet</span>
                    )}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{c.mapping_count.toLocaleString("en-US")}</td>
                  <td className="py-2 text-xs">
                    {c.last_event_type ? (
                      <>
                        <span className="block text-slate-700 dark:text-slate-300">
                          {CHANGE_WORDS[c.last_event_type] ?? c.last_event_type.replaceAll("_", " ")}
                        </span>
                        <span className={MUTED}>
                          <LocalTime value={c.last_event_at} />
                        </span>
                      </>
                    ) : (
                      <span className={MUTED}>None seen</span>
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
