"use client";

import { useId, useState, type ReactNode } from "react";
import { LocalTime } from "@/components/connections/local-time";
import { Button } from "@/components/ui/button";
import { CONTROL, MUTED, SURFACE } from "@/components/ui/tone";
import type { FindingStatus } from "@/lib/agents/schemas";
import { formatImpact, kindLabel } from "./format";
import { BADGE, FINDING_STATUS_TONE, SEVERITY_TONE } from "./tone";
import type { FindingDto } from "./types";

/** A finding as the list shows it: its evidence rendered on the server. */
export type ListedFinding = FindingDto & { agentName: string; changedBy: string | null; evidence: ReactNode };

export type FindingChange = { status: FindingStatus; note?: string };

const STATUS_WORDS: Record<string, string> = {
  open: "Reopened",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  dismissed: "Dismissed",
};

type Props = { finding: ListedFinding; canWrite: boolean; busy: boolean; onChange: (change: FindingChange) => Promise<boolean> };

/** One finding: severity, money, what and when, the last change of its status, its evidence, and what a person may do with it. */
export function FindingCard({ finding, canWrite, busy, onChange }: Props) {
  const id = useId();
  const [dismissing, setDismissing] = useState(false);
  const [note, setNote] = useState("");
  const impact = finding.impact ? formatImpact(finding.impact) : null;
  const period = windowOf(finding.window);

  async function change(next: FindingChange) {
    if (await onChange(next)) {
      setDismissing(false);
      setNote("");
    }
  }

  return (
    <li className={`min-w-0 space-y-3 p-4 ${SURFACE}`} aria-labelledby={`${id}-title`} data-testid="finding">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className={`${BADGE} ${SEVERITY_TONE[finding.severity] ?? SEVERITY_TONE.low}`}>{finding.severity}</span>
        <span className={`${BADGE} ${FINDING_STATUS_TONE[finding.status] ?? FINDING_STATUS_TONE.open}`} data-testid="finding-status">
          {finding.status}
        </span>
        <span className={`text-xs ${MUTED}`}>
          {kindLabel(finding.kind)} · {finding.agentName}
        </span>
      </div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={`${id}-title`} className="min-w-0 break-words font-semibold">
          {finding.title}
        </h3>
        {impact && (
          <p className="shrink-0 text-right tabular-nums">
            <span className="text-lg font-bold">{impact.amount}</span>
            {impact.per && <span className={`ml-1 text-sm ${MUTED}`}>{impact.per}</span>}
          </p>
        )}
      </div>
      <p className="break-words text-sm text-slate-700 dark:text-slate-300">{finding.summary}</p>
      <p className={`flex flex-wrap gap-x-3 gap-y-0.5 text-xs ${MUTED}`}>
        {period && <span>Window {period}</span>}
        <span>{finding.occurrences === 1 ? "Found once" : `Found ${finding.occurrences} times`}</span>
        <span>
          First seen <LocalTime value={finding.firstSeenAt} />
        </span>
        <span>
          Last seen <LocalTime value={finding.lastSeenAt} />
        </span>
      </p>
      {finding.statusAt && (
        <p className="break-words text-xs text-slate-700 dark:text-slate-300" data-testid="finding-status-change">
          {STATUS_WORDS[finding.status] ?? finding.status} {finding.changedBy ? <>by {finding.changedBy}</> : "automatically"},{" "}
          <LocalTime value={finding.statusAt} />
          {finding.statusNote && (
            <>
              : <q>{finding.statusNote}</q>
            </>
          )}
        </p>
      )}
      {finding.evidence}
      {canWrite &&
        (dismissing ? (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-note`} className="sr-only">
              Note for dismissing {finding.title} (optional)
            </label>
            <input
              id={`${id}-note`}
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Why (optional)"
              className={`${CONTROL} min-w-0 flex-1 basis-48`}
            />
            <Button variant="danger" disabled={busy} onClick={() => change({ status: "dismissed", note: note.trim() || undefined })}>
              Confirm dismiss
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setDismissing(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            {finding.status === "open" && (
              <Button disabled={busy} onClick={() => change({ status: "acknowledged" })}>
                Acknowledge
              </Button>
            )}
            {(finding.status === "open" || finding.status === "acknowledged") && (
              <>
                <Button variant="secondary" disabled={busy} onClick={() => change({ status: "resolved" })}>
                  Resolve
                </Button>
                <Button variant="danger" disabled={busy} onClick={() => setDismissing(true)}>
                  Dismiss
                </Button>
              </>
            )}
            {finding.status !== "open" && (
              <Button variant="secondary" disabled={busy} onClick={() => change({ status: "open" })}>
                Reopen
              </Button>
            )}
          </div>
        ))}
    </li>
  );
}

/** `2026-10-15 → 2026-10-22`, or one date when the window is a day; null without a window. */
function windowOf(value: unknown): string | null {
  const w = value as { from?: unknown; to?: unknown } | null;
  if (!w || typeof w.from !== "string" || typeof w.to !== "string") return null;
  return w.from === w.to ? w.from : `${w.from} → ${w.to}`;
}
