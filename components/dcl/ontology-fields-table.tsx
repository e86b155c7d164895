"use client";

import { useDeferredValue, useState } from "react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import { CONTROL, MUTED } from "@/components/ui/tone";
import { describeMethod, type People } from "@/lib/dcl/mappings/method-words";
import type { OntologyFieldRow } from "@/lib/dcl/ontology-page";
import { ConfidenceBadge } from "./confidence-badge";

const ALL = "";
type Shown = "all" | "mapped" | "unmapped";

/**
 * The canonical ontology, one row per source field mapped onto each of its fields (a field nothing
 * feeds says so): filtered by entity, by mapped or not, and by a search over every name shown.
 */
export function OntologyFieldsTable({
  fields,
  connectionNames,
  people,
}: {
  fields: OntologyFieldRow[];
  connectionNames: Record<string, string>;
  people: People;
}) {
  const [entity, setEntity] = useState(ALL);
  const [shown, setShown] = useState<Shown>("all");
  const [search, setSearch] = useState("");
  const words = useDeferredValue(search).trim().toLowerCase();
  const entities = [...new Set(fields.map((f) => f.entity))];
  const connection = (id: string) => connectionNames[id] ?? "deleted connection";
  const visible = fields.filter((f) => {
    if (entity !== ALL && f.entity !== entity) return false;
    if (shown !== "all" && f.sources.length > 0 !== (shown === "mapped")) return false;
    if (!words) return true;
    const text = [
      f.entity,
      f.field,
      f.description,
      ...f.sources.flatMap((s) => [connection(s.connectionId), s.stream, s.field, describeMethod(s, people)]),
    ]
      .join(" ")
      .toLowerCase();
    return text.includes(words);
  });
  const mapped = fields.filter((f) => f.sources.length > 0).length;

  return (
    <Card title="Canonical ontology">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <select aria-label="Entity" value={entity} onChange={(e) => setEntity(e.target.value)} className={`${CONTROL} text-xs`}>
            <option value={ALL}>All entities</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
          <select
            aria-label="Fields shown"
            value={shown}
            onChange={(e) => setShown(e.target.value as Shown)}
            className={`${CONTROL} text-xs`}
          >
            <option value="all">All fields</option>
            <option value="mapped">Mapped fields</option>
            <option value="unmapped">Fields nothing maps to</option>
          </select>
          <input
            type="search"
            aria-label="Search the ontology"
            placeholder="Search fields, sources…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className={`${CONTROL} w-56 max-w-full text-xs`}
          />
          <span className={`text-xs ${MUTED}`} data-testid="ontology-fields-count">
            {mapped} of {fields.length} fields mapped
          </span>
        </div>
        {visible.length === 0 ? (
          <p className={`text-sm ${MUTED}`}>No ontology field matches.</p>
        ) : (
          <ScrollX label="Canonical ontology">
            <table className="w-full min-w-[46rem] text-left text-xs" data-testid="ontology-fields">
              <thead className={MUTED}>
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Field
                  </th>
                  <th scope="col" className="pr-3 font-medium">
                    Mapped from (connection · stream · field)
                  </th>
                  <th scope="col" className="pr-3 font-medium">
                    Confidence
                  </th>
                  <th scope="col" className="font-medium">
                    Method
                  </th>
                </tr>
              </thead>
              {groupByEntity(visible).map((group) => (
                <tbody key={group[0].entity}>
                  <tr>
                    <th scope="colgroup" colSpan={4} className="bg-slate-50 px-2 py-1.5 text-left font-normal dark:bg-slate-800/60">
                      <Link
                        href={`/ontology/${group[0].entity}`}
                        className="font-mono font-semibold text-brand-700 hover:underline dark:text-blue-300"
                      >
                        {group[0].entity}
                      </Link>
                      <span className={MUTED}>
                        {" "}
                        · {group.filter((f) => f.sources.length > 0).length} of {group.length} fields mapped
                      </span>
                    </th>
                  </tr>
                  {group.map((f) =>
                    f.sources.length === 0 ? (
                      <tr key={f.field} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="ontology-field">
                        <FieldCell row={f} span={1} />
                        <td colSpan={3} className={`py-1.5 italic ${MUTED}`}>
                          not mapped
                        </td>
                      </tr>
                    ) : (
                      f.sources.map((s, i) => (
                        <tr
                          key={s.id}
                          className={`align-top ${i === 0 ? "border-t border-slate-100 dark:border-slate-800" : ""}`}
                          data-testid={i === 0 ? "ontology-field" : undefined}
                        >
                          {i === 0 && <FieldCell row={f} span={f.sources.length} />}
                          <td className="py-1.5 pr-3 [overflow-wrap:anywhere]">
                            <span className="text-slate-700 dark:text-slate-300">{connection(s.connectionId)}</span>
                            <span className={MUTED}> · </span>
                            <span className="font-mono">{s.stream}</span>
                            <span className={MUTED}> · </span>
                            <span className="font-mono font-medium">{s.field}</span>
                            {s.transform && <span className={`font-mono ${MUTED}`}> ({s.transform})</span>}
                          </td>
                          <td className="py-1.5 pr-3">
                            <ConfidenceBadge confidence={s.confidence} />
                          </td>
                          <td className="whitespace-nowrap py-1.5 text-slate-600 dark:text-slate-300">{describeMethod(s, people)}</td>
                        </tr>
                      ))
                    ),
                  )}
                </tbody>
              ))}
            </table>
          </ScrollX>
        )}
      </div>
    </Card>
  );
}

function FieldCell({ row, span }: { row: OntologyFieldRow; span: number }) {
  return (
    <th scope="row" rowSpan={span} className="py-1.5 pr-3 font-normal" title={row.description || undefined}>
      <span className="font-mono font-medium">{row.field}</span> <span className={MUTED}>{row.type}</span>
    </th>
  );
}

/** Consecutive fields of one entity (the loader lists them in the ontology's order). */
function groupByEntity(rows: OntologyFieldRow[]): OntologyFieldRow[][] {
  const groups: OntologyFieldRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0].entity === row.entity) last.push(row);
    else groups.push([row]);
  }
  return groups;
}
