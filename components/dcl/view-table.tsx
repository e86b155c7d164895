import Link from "next/link";
import { formatValue, truncate } from "@/components/connections/format";
import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { queryView } from "@/lib/dcl/views/query";
import { filtersOf, viewHref, type ViewParams } from "./view-href";

type ViewPage = Awaited<ReturnType<typeof queryView>>;

const PAGE_SIZES = ["25", "50", "100"];
const CELL_CHARS = 60;
const isLineage = (column: string) => column.startsWith("_");

/**
 * One page of a unified view. Headers sort (click again to reverse); the lineage columns, which
 * say where each row came from, come last and muted. A wide view scrolls inside the card (size
 * containment keeps it from widening the page).
 */
export function ViewTable({ view, params }: { view: ViewPage; params: ViewParams }) {
  const columns = [...view.columns.filter((c) => !isLineage(c.name)), ...view.columns.filter((c) => isLineage(c.name))];
  const href = (changes: Record<string, string | undefined>) => viewHref(view.entity, params, changes);
  const firstLineage = columns.find((c) => isLineage(c.name))?.name;
  const divider = (column: string) => (column === firstLineage ? "border-l border-slate-200 pl-3 dark:border-slate-700" : "");
  const last = view.offset + view.rows.length;
  return (
    <Card>
      {view.rows.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {view.total > 0 ? "No rows on this page." : filtersOf(params).length ? "No rows match these filters." : "This view has no rows."}
        </p>
      ) : (
        <ScrollX label={`Rows of ${view.entity}`}>
          <table className="w-full text-left text-sm" data-testid="view-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.name}
                    title={c.description}
                    className={`whitespace-nowrap py-2 pr-4 font-mono text-xs ${isLineage(c.name) ? "font-normal text-slate-500 dark:text-slate-400" : "text-slate-600 dark:text-slate-300"} ${divider(c.name)}`}
                  >
                    <Link href={href({ sort: nextSort(params.sort, c.name), offset: undefined })} className="hover:underline">
                      {c.name}
                      {sortMark(params.sort, c.name)}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr
                  key={`${row._connection_id}:${row._stream}:${row._source_record_id}`}
                  className="border-t border-slate-100 align-top dark:border-slate-800"
                  data-testid="view-row"
                >
                  {columns.map((c) => (
                    <td
                      key={c.name}
                      className={`py-1.5 pr-4 text-xs ${isLineage(c.name) ? "font-mono text-slate-500 dark:text-slate-400" : "text-slate-800 dark:text-slate-200"} ${divider(c.name)}`}
                    >
                      <Cell column={c.name} value={row[c.name]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
      <footer className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-300">
        <span data-testid="view-range">
          {view.rows.length
            ? `Rows ${view.offset + 1}–${last} of ${view.total.toLocaleString("en")}`
            : `${view.total.toLocaleString("en")} rows`}
        </span>
        <span className="flex items-center gap-3">
          Per page
          {PAGE_SIZES.map((size) => (
            <Link
              key={size}
              href={href({ limit: size, offset: undefined })}
              className={String(view.limit) === size ? "font-semibold text-brand-700 dark:text-blue-300" : "hover:underline"}
            >
              {size}
            </Link>
          ))}
        </span>
        <span className="flex gap-3">
          {view.offset > 0 ? (
            <Link
              href={href({ offset: String(Math.max(0, view.offset - view.limit)) })}
              className="font-medium text-brand-700 hover:underline dark:text-blue-300"
            >
              ← Previous
            </Link>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">← Previous</span>
          )}
          {last < view.total ? (
            <Link href={href({ offset: String(last) })} className="font-medium text-brand-700 hover:underline dark:text-blue-300">
              Next →
            </Link>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">Next →</span>
          )}
        </span>
      </footer>
    </Card>
  );
}

function Cell({ column, value }: { column: string; value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500 dark:text-slate-400">–</span>;
  const text = formatValue(value);
  if (column === "_connection_id")
    return (
      <Link href={`/connections/${text}`} className="hover:underline" title="Open the source connection">
        {text.slice(0, 8)}
      </Link>
    );
  return <span title={text.length > CELL_CHARS ? text : undefined}>{truncate(text, CELL_CHARS)}</span>;
}

/** Ascending first; the same column again reverses it. */
function nextSort(current: string | undefined, column: string): string {
  return current === column ? `-${column}` : column;
}

function sortMark(current: string | undefined, column: string): string {
  if (current === column) return " ▲";
  if (current === `-${column}`) return " ▼";
  return "";
}
