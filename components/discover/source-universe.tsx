"use client";

import { useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CONTROL, MUTED } from "@/components/ui/tone";
import { filterUniverse, sourceKey, tableKey, type UniverseSource, type UniverseTable } from "@/lib/discover/universe";
import { FieldTarget, StreamStateBadge } from "./state-badges";

const n = (value: number) => value.toLocaleString("en-US");
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? "" : "s"}`;
/** Field, type, canonical field: three columns from small screens up; on phones the target goes under the name. */
const FIELD_COLUMNS = "sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)]";

/**
 * Sources → tables (streams) → fields, with each field's type and canonical field. Collapsed by
 * default; a search shows what matches and opens the sources and tables holding it. A table's
 * fields are rendered only while it is open, so hundreds of fields stay cheap.
 */
export function SourceUniverse({ sources }: { sources: UniverseSource[] }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const match = useMemo(() => filterUniverse(sources, query), [sources, query]);
  const searching = query.trim() !== "";

  function search(value: string) {
    setQuery(value);
    setOpen(filterUniverse(sources, value).open);
  }
  function toggle(key: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }
  const everyKey = () => new Set(match.sources.flatMap((s) => [sourceKey(s), ...s.tables.map((t) => tableKey(s, t))]));

  return (
    <Card title="Data source universe">
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-0 flex-1 basis-64 text-sm font-medium text-slate-700 dark:text-slate-300">
          Search sources, tables and fields
          <input
            type="search"
            value={query}
            onChange={(e) => search(e.target.value)}
            placeholder="a field, a type or an entity.field"
            className={`mt-1 block w-full ${CONTROL}`}
          />
        </label>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(everyKey())}>
            Expand all
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(new Set())}>
            Collapse all
          </Button>
        </div>
      </div>
      <p className={`mt-2 text-sm ${MUTED}`} role="status" data-testid="universe-count">
        {searching
          ? match.sources.length === 0
            ? "Nothing matches."
            : `${plural(match.fields, "field")} in ${plural(match.tables, "table")} match.`
          : `${plural(match.sources.length, "source")} · ${plural(match.tables, "table")} · ${plural(match.fields, "field")}`}
      </p>
      <ul className="mt-3 space-y-2">
        {match.sources.map((source) => {
          const key = sourceKey(source);
          const isOpen = open.has(key);
          return (
            <li key={key} className="rounded-md border border-slate-200 dark:border-slate-800" data-testid="universe-source">
              <Toggle expanded={isOpen} controls={`universe-${key}`} onClick={() => toggle(key)} label={source.name}>
                <span className={`text-xs font-normal ${MUTED}`}>
                  {source.typeLabel} · {plural(source.tables.length, "table")}
                </span>
              </Toggle>
              {isOpen && (
                <ul id={`universe-${key}`} className="space-y-1.5 border-t border-slate-100 p-2 dark:border-slate-800">
                  {source.tables.map((table) => (
                    <UniverseTableItem
                      key={table.name}
                      table={table}
                      tableId={tableKey(source, table)}
                      open={open.has(tableKey(source, table))}
                      onToggle={() => toggle(tableKey(source, table))}
                    />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function UniverseTableItem({
  table,
  tableId,
  open,
  onToggle,
}: {
  table: UniverseTable;
  tableId: string;
  open: boolean;
  onToggle: () => void;
}) {
  const id = `universe-table-${encodeURIComponent(tableId)}`;
  return (
    <li className="rounded-md bg-slate-50 dark:bg-slate-950/40" data-testid="universe-table">
      <Toggle expanded={open} controls={id} onClick={onToggle} label={table.name} mono>
        <span className={`text-xs font-normal ${MUTED}`}>
          {table.fields.length === table.fieldCount
            ? plural(table.fieldCount, "field")
            : `${n(table.fields.length)} of ${plural(table.fieldCount, "field")}`}{" "}
          · {table.entity ? <span className="font-mono">{table.entity}</span> : "no entity"}
        </span>
        <StreamStateBadge state={table.state} />
      </Toggle>
      {open && (
        <div id={id} className="px-2 pb-2">
          {table.fields.length === 0 ? (
            <p className={`px-1 text-xs ${MUTED}`}>No schema read yet.</p>
          ) : (
            <ul aria-label={`Fields of ${table.name}`} className="text-sm">
              <li aria-hidden className={`hidden gap-x-3 py-1.5 text-xs font-medium ${MUTED} sm:grid ${FIELD_COLUMNS}`}>
                <span>Field</span>
                <span>Type</span>
                <span>Canonical field</span>
              </li>
              {table.fields.map((f) => (
                <li
                  key={f.name}
                  className={`grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 border-t border-slate-200 py-1.5 dark:border-slate-800 ${FIELD_COLUMNS}`}
                  data-testid="universe-field"
                >
                  <span className="font-mono text-xs font-medium [overflow-wrap:anywhere]">{f.name}</span>
                  <span className="text-right font-mono text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-300 sm:text-left">
                    <span className="sr-only">type </span>
                    {f.type}
                  </span>
                  <span className="col-span-2 sm:col-span-1">
                    <span aria-hidden className={`text-xs ${MUTED} sm:hidden`}>
                      →{" "}
                    </span>
                    <span className="sr-only">maps to </span>
                    <FieldTarget target={f.target} state={f.state} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

/** The row that opens and closes a source or a table; its accessible name is the source's or table's name. */
function Toggle({
  expanded,
  controls,
  onClick,
  label,
  mono = false,
  children,
}: {
  expanded: boolean;
  controls: string;
  onClick: () => void;
  label: string;
  mono?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={controls}
        onClick={onClick}
        className="flex min-w-0 items-center gap-2 rounded text-left text-sm font-medium hover:text-brand-700 dark:hover:text-blue-300"
      >
        <span aria-hidden className={`text-slate-400 transition ${expanded ? "rotate-90" : ""}`}>
          ▸
        </span>
        <span className={`${mono ? "font-mono" : ""} [overflow-wrap:anywhere]`}>{label}</span>
      </button>
      {children}
    </div>
  );
}
