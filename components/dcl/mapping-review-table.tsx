"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { MappingDto } from "@/lib/dcl/mappings/dto";
import { describeMethod, type People } from "@/lib/dcl/mappings/method-words";
import { decideMappingAction } from "@/app/(app)/ontology/actions";
import { ConfidenceBadge } from "./confidence-badge";
import { TargetLabel } from "./target-label";
import { useRunAction } from "./use-run-action";

type TargetGroup = { entity: string; fields: string[] };

const NONE = "";
const APPLY = "; rebuild the views to apply it.";

/**
 * Proposals the matcher was not sure enough to approve: approve, reject, or correct the target
 * (another ontology field, or none) which approves the correction as a new version.
 */
export function MappingReviewTable({
  proposed,
  targets,
  connectionNames,
  people,
  canWrite,
}: {
  proposed: MappingDto[];
  targets: TargetGroup[];
  connectionNames: Record<string, string>;
  people: People;
  canWrite: boolean;
}) {
  const { busy, error, notice, run } = useRunAction();
  const [correcting, setCorrecting] = useState<string>();
  const [target, setTarget] = useState(NONE);

  function decide(m: MappingDto, decision: "approve" | "reject", corrected?: string | null) {
    return run(
      m.id,
      () => decideMappingAction({ id: m.id, decision, target: corrected }),
      (r) =>
        r.status === "rejected" ? (
          `Rejected the mapping of ${m.field}.`
        ) : r.target ? (
          <>
            Mapped {m.field} to <TargetLabel target={r.target} />
            {APPLY}
          </>
        ) : (
          `Left ${m.field} unmapped${APPLY}`
        ),
    );
  }

  async function saveCorrection(m: MappingDto) {
    if (await decide(m, "approve", target === NONE ? null : target)) setCorrecting(undefined);
  }

  return (
    <Card title={`Mappings to review (${proposed.length})`}>
      <div className="space-y-3">
        <ErrorText>{error}</ErrorText>
        {notice && (
          <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
            {notice}
          </p>
        )}
        {proposed.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Nothing to review. Every mapping the matcher proposed was confident enough to approve, or a person has decided it.
          </p>
        ) : (
          <ScrollX label="Mappings to review">
            <table className="w-full min-w-[48rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3">
              <thead className="text-slate-500 dark:text-slate-400">
                <tr>
                  <th className="py-2">Source</th>
                  <th>Field</th>
                  <th>Proposed target</th>
                  <th>Confidence</th>
                  {canWrite && (
                    <th className="relative">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {proposed.map((m) => (
                  <tr key={m.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="mapping-proposal">
                    <td className="py-2">
                      <span className="font-mono text-xs">{m.stream}</span>
                      <br />
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {connectionNames[m.connectionId] ?? "deleted connection"}
                      </span>
                    </td>
                    <td className="py-2 font-mono text-xs">{m.field}</td>
                    <td className="py-2">
                      <TargetLabel target={m.target} />
                      {m.transform && <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{m.transform}</div>}
                    </td>
                    <td className="py-2">
                      <ConfidenceBadge confidence={m.confidence} />
                      <div className="text-xs text-slate-500 dark:text-slate-400">
                        {describeMethod(m, people)} · v{m.version}
                      </div>
                    </td>
                    {canWrite && (
                      <td className="py-2 text-right">
                        {correcting === m.id ? (
                          <div className="flex flex-wrap items-center justify-end gap-2">
                            <TargetSelect value={target} onChange={setTarget} targets={targets} label={`Target for ${m.field}`} />
                            <Button disabled={!!busy} onClick={() => saveCorrection(m)}>
                              Save
                            </Button>
                            <Button variant="secondary" disabled={!!busy} onClick={() => setCorrecting(undefined)}>
                              Cancel
                            </Button>
                          </div>
                        ) : (
                          <div className="flex justify-end gap-2">
                            <Button disabled={!!busy} onClick={() => decide(m, "approve")}>
                              Approve
                            </Button>
                            <Button variant="danger" disabled={!!busy} onClick={() => decide(m, "reject")}>
                              Reject
                            </Button>
                            <Button
                              variant="secondary"
                              disabled={!!busy}
                              onClick={() => {
                                setTarget(m.target ?? NONE);
                                setCorrecting(m.id);
                              }}
                            >
                              Correct
                            </Button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        )}
      </div>
    </Card>
  );
}

function TargetSelect({
  value,
  onChange,
  targets,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  targets: TargetGroup[];
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
    >
      <option value={NONE}>none (leave unmapped)</option>
      {targets.map((g) => (
        <optgroup key={g.entity} label={g.entity}>
          {g.fields.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
