"use client";

import { useId, useState, type ReactNode } from "react";
import { LocalTime } from "@/components/connections/local-time";
import { ConfidenceBadge } from "@/components/dcl/confidence-badge";
import { TargetLabel } from "@/components/dcl/target-label";
import { Button } from "@/components/ui/button";
import type { InboxItem } from "@/lib/inbox/list";
import type { InboxDecision } from "@/lib/inbox/schemas";
import { NO_MAPPING, TargetSelect, type TargetGroup } from "./target-select";
import { CONTROL, MUTED, SURFACE } from "@/components/ui/tone";
import { KIND_LABELS } from "./tone";

/** An inbox item as the list shows it: its evidence rendered on the server. */
export type ListedItem = Omit<InboxItem, "evidence"> & { evidence: ReactNode };

export type Decision = Pick<InboxDecision, "decision" | "target" | "reason">;

const KIND_TONE = {
  repair: "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  mapping: "bg-brand-50 text-brand-700 dark:bg-blue-950 dark:text-blue-300",
  schema: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
} as const;

type Props = {
  item: ListedItem;
  targets: TargetGroup[];
  canWrite: boolean;
  busy: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  failure?: string;
  onDecide: (decision: Decision) => Promise<boolean>;
};

/** One waiting item: what it is, the target proposed against the one in force, its evidence, and the decisions open to a person. */
export function InboxItemCard({ item, targets, canWrite, busy, selected, onSelect, failure, onDecide }: Props) {
  const id = useId();
  const [mode, setMode] = useState<"edit" | "reject">();
  const [target, setTarget] = useState(item.target ?? NO_MAPPING);
  const [reason, setReason] = useState("");
  const schema = item.kind === "schema";
  const name = item.field ?? item.stream;

  async function decide(decision: Decision) {
    if (await onDecide(decision)) setMode(undefined);
  }

  return (
    <li className={`p-4 ${SURFACE}`} data-testid="inbox-item" aria-labelledby={`${id}-title`}>
      <div className="flex items-start gap-3">
        {canWrite && (
          <>
            <label htmlFor={`${id}-select`} className="sr-only">
              Select the {KIND_LABELS[item.kind].toLowerCase()} of {name} in {item.stream}
            </label>
            <input
              id={`${id}-select`}
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
          </>
        )}
        <div className="grid min-w-0 flex-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${KIND_TONE[item.kind]}`}>{KIND_LABELS[item.kind]}</span>
              <h3 id={`${id}-title`} className="break-all font-mono text-sm font-semibold">
                {name}
              </h3>
              {item.from && item.from !== item.field && (
                <span className={`text-xs ${MUTED}`}>
                  was <span className="font-mono">{item.from}</span>
                </span>
              )}
              {item.confidence !== null && <ConfidenceBadge confidence={item.confidence} />}
            </div>
            <p className={`break-words text-xs ${MUTED}`}>
              {item.connectionName || "deleted connection"} · <span className="font-mono">{item.stream}</span> ·{" "}
              <LocalTime value={item.createdAt} />
            </p>
            {!schema && (
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                <dt className={MUTED}>Proposed</dt>
                <dd className="break-words">
                  <TargetLabel target={item.target} />
                  {item.transform && <span className={`ml-2 font-mono text-xs ${MUTED}`}>{item.transform}</span>}
                </dd>
                <dt className={MUTED}>In force</dt>
                <dd>
                  <TargetLabel target={item.current} />
                </dd>
              </dl>
            )}
            <p className="break-words text-sm text-slate-700 dark:text-slate-300">{item.reason}</p>
          </div>
          <div className="min-w-0">{item.evidence}</div>
          {failure && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300 lg:col-span-2">
              Not decided: {failure}
            </p>
          )}
          {canWrite && (
            <div className="lg:col-span-2">
              {mode === "edit" ? (
                <div className="flex flex-wrap items-center gap-2">
                  <TargetSelect id={`${id}-target`} value={target} onChange={setTarget} targets={targets} label={`Target for ${name}`} />
                  <Button disabled={busy} onClick={() => decide({ decision: "approve", target: target === NO_MAPPING ? null : target })}>
                    Approve this target
                  </Button>
                  <Button variant="secondary" disabled={busy} onClick={() => setMode(undefined)}>
                    Cancel
                  </Button>
                </div>
              ) : mode === "reject" ? (
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor={`${id}-reason`} className="sr-only">
                    Reason for rejecting {name} (optional)
                  </label>
                  <input
                    id={`${id}-reason`}
                    value={reason}
                    maxLength={500}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder="Reason (optional)"
                    className={`${CONTROL} min-w-0 flex-1 basis-48`}
                  />
                  <Button
                    variant="danger"
                    disabled={busy}
                    onClick={() => decide({ decision: "reject", reason: reason.trim() || undefined })}
                  >
                    Confirm reject
                  </Button>
                  <Button variant="secondary" disabled={busy} onClick={() => setMode(undefined)}>
                    Cancel
                  </Button>
                </div>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <Button disabled={busy} onClick={() => decide({ decision: "approve" })}>
                    {schema ? "Accept" : "Approve"}
                  </Button>
                  {!schema && (
                    <Button variant="secondary" disabled={busy} onClick={() => setMode("edit")}>
                      Edit target
                    </Button>
                  )}
                  <Button variant="danger" disabled={busy} onClick={() => setMode("reject")}>
                    Reject
                  </Button>
                </div>
              )}
            </div>
          )}
        </div>
      </div>
    </li>
  );
}
