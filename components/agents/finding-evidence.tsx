import { z } from "zod";
import { formatValue, truncate } from "@/components/connections/format";
import { MUTED } from "@/components/ui/tone";
import { CopyButton } from "./copy-button";
import type { FindingDto } from "./types";

const Rows = z.array(z.record(z.string(), z.unknown())).catch([]);
const Lineage = z
  .object({
    entities: z.array(z.string()).catch([]),
    sources: z.array(z.object({ connectionId: z.string(), stream: z.string(), entity: z.string() })).catch([]),
  })
  .catch({ entities: [], sources: [] });

/** The rows a finding shows: at most 50, as the agent stored them. */
const MAX_ROWS = 50;

/**
 * What a person needs to check a finding: the SQL (runnable against the same views), the rows
 * behind it, and its lineage (the entities and the source streams that fed them). Collapsed.
 */
export function FindingEvidence({ finding, connectionNames }: { finding: FindingDto; connectionNames: Record<string, string> }) {
  const rows = Rows.parse(finding.rows).slice(0, MAX_ROWS);
  const lineage = Lineage.parse(finding.lineage);
  return (
    <details className="group min-w-0 rounded-md border border-slate-200 dark:border-slate-700" data-testid="finding-evidence">
      <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium text-brand-700 hover:underline dark:text-blue-300">
        Evidence: the query, {rows.length === 1 ? "1 row" : `${rows.length} rows`} and lineage
      </summary>
      <div className="min-w-0 space-y-4 border-t border-slate-200 p-3 dark:border-slate-700">
        <div className="min-w-0 space-y-1">
          <div className="flex items-center justify-between gap-2">
            <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>SQL</h4>
            <CopyButton text={finding.sql} label={`the SQL of ${finding.title}`} />
          </div>
          <pre className="max-h-72 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
            {finding.sql}
          </pre>
        </div>
        <RowsTable rows={rows} title={finding.title} />
        <div className="min-w-0 space-y-1 text-sm">
          <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Lineage</h4>
          <p>
            Entities:{" "}
            {lineage.entities.length ? (
              lineage.entities.map((e) => (
                <span key={e} className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
                  {e}
                </span>
              ))
            ) : (
              <span className={MUTED}>none recorded</span>
            )}
          </p>
          {lineage.sources.length === 0 ? (
            <p className={`text-xs ${MUTED}`}>No source streams were in the views when it was found.</p>
          ) : (
            <ul className="space-y-0.5 text-xs" aria-label="Source streams">
              {lineage.sources.map((s) => (
                <li key={`${s.connectionId}:${s.stream}:${s.entity}`} className="break-words">
                  {connectionNames[s.connectionId] ?? "deleted connection"} · <span className="font-mono">{s.stream}</span> →{" "}
                  <span className="font-mono">{s.entity}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </details>
  );
}

/** Columns from the rows' keys, in the order they first appear; scrolls inside its own box when wide. */
function RowsTable({ rows, title }: { rows: Record<string, unknown>[]; title: string }) {
  if (rows.length === 0) return <p className={`text-xs ${MUTED}`}>No rows were stored with this finding.</p>;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="min-w-0 space-y-1">
      <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Rows</h4>
      <div
        className="max-h-80 overflow-auto rounded-md border border-slate-200 dark:border-slate-700"
        tabIndex={0}
        role="region"
        aria-label={`Rows behind ${title}`}
      >
        <table className="min-w-full border-collapse text-left text-xs" data-testid="finding-rows">
          <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className="whitespace-nowrap border-b border-slate-200 px-2 py-1 font-medium dark:border-slate-700">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="font-mono">
            {rows.map((row, i) => (
              <tr key={i} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                {columns.map((c) => (
                  <td key={c} className="whitespace-nowrap px-2 py-1 align-top">
                    {cell(row[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function cell(value: unknown) {
  if (value === null || value === undefined) return <span className={MUTED}>–</span>;
  return truncate(formatValue(value), 80);
}
