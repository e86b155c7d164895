"use client";

import { Card, ErrorText } from "@/components/ui/card";
import { LocalTime } from "@/components/connections/local-time";
import { ScrollX } from "@/components/ui/scroll-x";
import type { MappingDto } from "@/lib/dcl/mappings/dto";
import { describeMethod, type People } from "@/lib/dcl/mappings/method-words";
import type { MappedField } from "@/lib/dcl/ontology-page";
import { rollbackMappingAction } from "@/app/(app)/ontology/actions";
import { ConfidenceBadge } from "./confidence-badge";
import { TargetLabel } from "./target-label";
import { useRunAction } from "./use-run-action";

const STATUS: Record<string, string> = {
  approved: "text-emerald-700 dark:text-emerald-300",
  rejected: "text-red-700 dark:text-red-300",
  proposed: "text-amber-700 dark:text-amber-300",
};

/**
 * The approved mapping of every field, one folded table per stream, with each field's history.
 * Rolling back puts an earlier approved version in force again as a new version.
 */
export function MappingsInForce({
  mapped,
  connectionNames,
  people,
  canWrite,
}: {
  mapped: MappedField[];
  connectionNames: Record<string, string>;
  people: People;
  canWrite: boolean;
}) {
  const { busy, error, notice, run } = useRunAction();
  const streams = groupByStream(mapped);

  function rollback(f: MappedField, to: MappingDto) {
    return run(
      to.id,
      () => rollbackMappingAction({ id: f.current.id, version: to.version }),
      (r) => `Rolled ${f.field} back to version ${to.version} (now version ${r.version}); rebuild the views to apply it.`,
    );
  }

  return (
    <Card title="Mappings in force">
      <div className="space-y-3">
        <ErrorText>{error}</ErrorText>
        {notice && (
          <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
            {notice}
          </p>
        )}
        {streams.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            No approved mappings yet. They appear here once the matcher or a person approves them.
          </p>
        ) : (
          streams.map((fields) => (
            <details
              key={`${fields[0].connectionId}:${fields[0].stream}`}
              className="rounded-md border border-slate-100 dark:border-slate-800"
              data-testid="mapped-stream"
            >
              <summary className="cursor-pointer px-3 py-2 text-sm">
                <span className="font-mono">{fields[0].stream}</span>
                <span className="text-slate-500 dark:text-slate-400">
                  {" "}
                  · {connectionNames[fields[0].connectionId] ?? "deleted connection"} · {fields.length} fields
                </span>
              </summary>
              <ScrollX label={`Mappings of ${fields[0].stream}`}>
                <table className="w-full min-w-[36rem] text-left text-sm">
                  <thead className="text-slate-500 dark:text-slate-400">
                    <tr>
                      <th className="px-3 py-2">Field</th>
                      <th>Target</th>
                      <th>Confidence</th>
                      <th>Version, method</th>
                      <th>History</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((f) => (
                      <tr key={f.field} className="border-t border-slate-100 align-top dark:border-slate-800">
                        <td className="px-3 py-2 font-mono text-xs">{f.field}</td>
                        <td className="py-2">
                          <TargetLabel target={f.current.target} />
                          {f.current.transform && (
                            <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{f.current.transform}</div>
                          )}
                        </td>
                        <td className="py-2">
                          <ConfidenceBadge confidence={f.current.confidence} />
                        </td>
                        <td className="py-2 text-xs text-slate-600 dark:text-slate-300">
                          v{f.current.version} · {describeMethod(f.current, people)}
                        </td>
                        <td className="py-2 pr-3">
                          {f.versions.length === 1 ? (
                            <span className="text-xs text-slate-500 dark:text-slate-400">one version</span>
                          ) : (
                            <details>
                              <summary className="cursor-pointer text-xs text-brand-700 dark:text-blue-300">
                                {f.versions.length} versions
                              </summary>
                              <ol className="mt-1 space-y-1">
                                {f.versions.map((v) => (
                                  <li key={v.id} className="flex flex-wrap items-center gap-2 text-xs">
                                    <span className="font-semibold">v{v.version}</span>
                                    <span className={STATUS[v.status]}>{v.status}</span>
                                    <TargetLabel target={v.target} />
                                    <span className="text-slate-500 dark:text-slate-400">
                                      {describeMethod(v, people)} · <LocalTime value={v.decidedAt ?? v.createdAt} />
                                    </span>
                                    {canWrite && canRollBackTo(f, v) && (
                                      <button
                                        type="button"
                                        disabled={!!busy}
                                        onClick={() => rollback(f, v)}
                                        className="font-medium text-brand-700 hover:underline disabled:cursor-not-allowed disabled:opacity-50 dark:text-blue-300"
                                      >
                                        Roll back to v{v.version}
                                      </button>
                                    )}
                                  </li>
                                ))}
                              </ol>
                            </details>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollX>
            </details>
          ))
        )}
      </div>
    </Card>
  );
}

/** An earlier approved version that would change what is in force. */
function canRollBackTo(f: MappedField, v: MappingDto): boolean {
  return v.status === "approved" && v.id !== f.current.id && (v.target !== f.current.target || v.transform !== f.current.transform);
}

/** Consecutive fields of the same stream (the loader lists them sorted by connection, stream and field). */
function groupByStream(mapped: MappedField[]): MappedField[][] {
  const groups: MappedField[][] = [];
  for (const f of mapped) {
    const last = groups.at(-1);
    if (last && last[0].connectionId === f.connectionId && last[0].stream === f.stream) last.push(f);
    else groups.push([f]);
  }
  return groups;
}
