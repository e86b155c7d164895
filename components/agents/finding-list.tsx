"use client";

import { useRunAction } from "@/components/dcl/use-run-action";
import { ErrorText } from "@/components/ui/card";
import { updateFindingAction } from "@/app/(app)/agents/actions";
import { FindingCard, type FindingChange, type ListedFinding } from "./finding-card";

const DONE: Record<string, string> = { open: "Reopened", acknowledged: "Acknowledged", resolved: "Resolved", dismissed: "Dismissed" };

/** The findings, ranked by money then severity, each acknowledged, resolved, dismissed or reopened on its own. */
export function FindingList({ findings, canWrite }: { findings: ListedFinding[]; canWrite: boolean }) {
  const { busy, error, notice, run } = useRunAction();

  function change(finding: ListedFinding, next: FindingChange) {
    return run(
      finding.id,
      () => updateFindingAction({ id: finding.id, ...next }),
      (r) => `${DONE[r.status] ?? "Updated"}: ${finding.title}.`,
    );
  }

  return (
    <div className="space-y-3">
      <ErrorText>{error}</ErrorText>
      {notice && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {notice}
        </p>
      )}
      <ul className="space-y-3" aria-label="Findings">
        {findings.map((f) => (
          <FindingCard key={f.id} finding={f} canWrite={canWrite} busy={!!busy} onChange={(next) => change(f, next)} />
        ))}
      </ul>
    </div>
  );
}
