"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRunAction } from "@/components/dcl/use-run-action";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import { SURFACE } from "@/components/ui/tone";
import { decideInboxAction } from "@/app/(app)/inbox/actions";
import type { DecisionResult } from "@/lib/inbox/decide";
import { InboxItemCard, type Decision, type ListedItem } from "./inbox-item";
import type { TargetGroup } from "./target-select";
import { KIND_LABELS } from "./tone";

type Failure = { id: string; label: string; error: string };

/**
 * The waiting items, each decided on its own or several approved at once. A decision answers per
 * item, so the ones that could not be decided (decided meanwhile, say) are named with the reason.
 */
export function InboxList({ items, targets, canWrite }: { items: ListedItem[]; targets: TargetGroup[]; canWrite: boolean }) {
  const { busy, error, notice, run } = useRunAction();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<Failure[]>([]);
  const chosen = items.filter((i) => selected.has(i.id));

  function decide(key: string, decisions: { item: ListedItem; decision: Decision }[]) {
    setFailures([]);
    const byId = new Map(decisions.map((d) => [d.item.id, d.item]));
    // The target an approval puts in force: the one chosen, else the one proposed (null: none).
    const approvedTargets = new Map(
      decisions.map(({ item, decision }) => [item.id, decision.target === undefined ? item.target : decision.target]),
    );
    return run(
      key,
      () => decideInboxAction({ decisions: decisions.map(({ item, decision }) => ({ kind: item.kind, id: item.id, ...decision })) }),
      ({ results, taskIds }) => {
        const failed = results.filter((r) => !r.ok).map((r) => ({ id: r.id, label: labelOf(byId.get(r.id)), error: r.error }));
        setFailures(failed);
        setSelected(new Set(failed.map((f) => f.id).filter((id) => selected.has(id))));
        return describe(results, byId, approvedTargets, taskIds);
      },
    );
  }

  function select(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const failureOf = new Map(failures.map((f) => [f.id, f.error]));
  return (
    <div className="space-y-3">
      {canWrite && (
        <div className={`flex flex-wrap items-center gap-3 px-4 py-2 text-sm ${SURFACE}`}>
          <SelectAll count={chosen.length} total={items.length} onChange={(on) => setSelected(new Set(on ? items.map((i) => i.id) : []))} />
          <Button
            disabled={!!busy || chosen.length === 0}
            onClick={() =>
              decide(
                "bulk",
                chosen.map((item) => ({ item, decision: { decision: "approve" } })),
              )
            }
          >
            Approve selected{chosen.length > 0 ? ` (${chosen.length})` : ""}
          </Button>
        </div>
      )}
      <ErrorText>{error}</ErrorText>
      {notice && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {notice}
        </p>
      )}
      {failures.length > 0 && (
        <div
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          data-testid="inbox-failures"
        >
          <p>{failures.length === 1 ? "One item was" : `${failures.length} items were`} not decided:</p>
          <ul className="list-disc pl-5">
            {failures.map((f) => (
              <li key={f.id} className="break-words">
                <span className="font-mono">{f.label}</span>: {f.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="space-y-3" aria-label="Waiting items">
        {items.map((item) => (
          <InboxItemCard
            key={item.id}
            item={item}
            targets={targets}
            canWrite={canWrite}
            busy={!!busy}
            selected={selected.has(item.id)}
            onSelect={(on) => select(item.id, on)}
            failure={failureOf.get(item.id)}
            onDecide={(decision) => decide(item.id, [{ item, decision }])}
          />
        ))}
      </ul>
    </div>
  );
}

function SelectAll({ count, total, onChange }: { count: number; total: number; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < total;
  }, [count, total]);
  return (
    <label className="inline-flex items-center gap-2">
      <input
        ref={ref}
        type="checkbox"
        checked={total > 0 && count === total}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-brand-600"
      />
      Select all
      <span className="text-slate-500 dark:text-slate-400">
        ({count} of {total} selected)
      </span>
    </label>
  );
}

const labelOf = (item?: ListedItem) => (item ? `${item.stream} · ${item.field ?? "stream"}` : "an item");

const VERBS: Record<string, string> = { approved: "Approved", accepted: "Accepted", rejected: "Rejected" };

/** One decision in words: an approved mapping or repair says where the field now goes (or that it stays unmapped). */
function describeOne(item: ListedItem, status: string, target: string | null | undefined): string {
  const name = item.field ?? item.stream;
  if (item.kind !== "schema" && status === "approved") return target ? `Mapped ${name} to ${target}.` : `Left ${name} unmapped.`;
  return `${VERBS[status] ?? "Decided"} the ${KIND_LABELS[item.kind].toLowerCase()} of ${name}.`;
}

/** What was decided, and the background work it started (task ids come back). */
function describe(
  results: DecisionResult[],
  items: Map<string, ListedItem>,
  targets: Map<string, string | null | undefined>,
  taskIds: string[],
): ReactNode {
  const done = results.filter((r) => r.ok);
  if (done.length === 0) return null;
  const [only] = done;
  const item = items.get(only.id);
  const what = done.length === 1 && item ? describeOne(item, only.status, targets.get(item.id)) : `Decided ${done.length} items.`;
  if (taskIds.length === 0) return what;
  const tasks = taskIds.map((id) => id.slice(0, 8)).join(", ");
  return (
    <>
      {what} The views are being rebuilt (task {tasks}); follow it in{" "}
      <Link href="/orchestration" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
        Orchestration
      </Link>
      .
    </>
  );
}
