"use client";

import Link from "next/link";
import { LocalTime } from "@/components/connections/local-time";
import { TargetLabel } from "@/components/dcl/target-label";
import { useRunAction } from "@/components/dcl/use-run-action";
import { ErrorText } from "@/components/ui/card";
import { rollbackDecisionAction } from "@/app/(app)/inbox/actions";
import type { HistoryEntry } from "@/lib/inbox/history";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { KIND_LABELS } from "./tone";

const ACTIONS: Record<string, string> = {
  approve: "approved",
  edit: "edited, then approved",
  reject: "rejected",
  auto_apply: "applied automatically",
  rollback: "rolled back",
};

/** Mobile rows stack: each cell names its column, which the table header does on wider screens. */
const CELL = "block py-1 lg:table-cell lg:py-2 lg:pr-3 lg:align-top";
const CELL_LABEL = `lg:hidden ${MUTED}`;

/**
 * The newest decisions on inbox items, people's and the repair agent's. A decision whose mapping is
 * still in force can be rolled back: the version before it comes back (or no mapping).
 */
export function DecisionHistory({
  entries,
  connectionNames,
  canWrite,
}: {
  entries: HistoryEntry[];
  connectionNames: Record<string, string>;
  canWrite: boolean;
}) {
  const { busy, error, notice, run } = useRunAction();

  function rollback(entry: HistoryEntry) {
    return run(
      entry.id,
      () => rollbackDecisionAction({ id: entry.rollbackId! }),
      (r) => (
        <>
          Rolled back {entry.field}:{" "}
          {r.target ? (
            <>
              now mapped to <TargetLabel target={r.target} />
            </>
          ) : (
            "now unmapped"
          )}
          . The views are being rebuilt (task {r.taskIds.map((id) => id.slice(0, 8)).join(", ")}); follow it in{" "}
          <Link href="/orchestration" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
            Orchestration
          </Link>
          .
        </>
      ),
    );
  }

  return (
    <section aria-labelledby="decided-heading" className={`p-4 lg:p-5 ${SURFACE}`}>
      <h2 id="decided-heading" className={`mb-3 text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
        Decided
      </h2>
      <div className="space-y-3">
        <ErrorText>{error}</ErrorText>
        {notice && (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            {notice}
          </p>
        )}
        {entries.length === 0 ? (
          <p className={`text-sm ${MUTED}`}>
            No decisions yet. Every approval, rejection, correction and rollback (and each repair the agent applied on its own) is listed
            here.
          </p>
        ) : (
          <table className="block w-full text-left text-sm lg:table">
            <caption className={`mb-2 block text-left text-xs lg:table-caption ${MUTED}`}>The newest {entries.length} decisions</caption>
            <thead className={`sr-only lg:not-sr-only lg:table-header-group ${MUTED}`}>
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Who, when
                </th>
                <th scope="col" className="pr-3 font-medium">
                  Action
                </th>
                <th scope="col" className="pr-3 font-medium">
                  Field
                </th>
                <th scope="col" className="pr-3 font-medium">
                  Before → after
                </th>
                <th scope="col" className="pr-3 font-medium">
                  Reason
                </th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">Roll back</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="block lg:table-row-group">
              {entries.map((e) => (
                <tr
                  key={e.id}
                  className="block border-t border-slate-100 py-2 lg:table-row lg:py-0 dark:border-slate-800"
                  data-testid="inbox-decision"
                >
                  <td className={`${CELL} break-words text-xs`}>
                    {e.actor ?? <span className="italic">repair agent</span>}
                    <div className={`whitespace-nowrap ${MUTED}`}>
                      <LocalTime value={e.createdAt} />
                    </div>
                  </td>
                  <td className={`${CELL} text-xs`}>
                    <span className={CELL_LABEL}>Action: </span>
                    <span className="font-medium">{actionLabel(e)}</span>{" "}
                    <span className={MUTED}>({KIND_LABELS[e.kind as keyof typeof KIND_LABELS]?.toLowerCase() ?? e.kind})</span>
                  </td>
                  <td className={`${CELL} break-words`}>
                    <span className="font-mono text-xs">
                      {e.from && e.from !== e.field ? `${e.from} → ` : ""}
                      {e.field ?? e.stream}
                    </span>
                    <div className={`text-xs ${MUTED}`}>
                      {connectionNames[e.connectionId] ?? "deleted connection"} · <span className="font-mono">{e.stream}</span>
                    </div>
                  </td>
                  <td className={`${CELL} text-xs`}>
                    <span className={CELL_LABEL}>Before → after: </span>
                    <Change entry={e} />
                  </td>
                  <td className={`${CELL} break-words text-xs`}>
                    {e.reason ? (
                      <>
                        <span className={CELL_LABEL}>Reason: </span>
                        {e.reason}
                      </>
                    ) : (
                      <span className={`hidden lg:inline ${MUTED}`}>–</span>
                    )}
                  </td>
                  {canWrite && (
                    <td className={`${CELL} lg:text-right`}>
                      {e.rollbackId && (
                        <button
                          type="button"
                          disabled={!!busy}
                          onClick={() => rollback(e)}
                          aria-label={`Roll back ${e.field ?? e.stream} (${e.stream})`}
                          className="whitespace-nowrap text-xs font-medium text-brand-700 hover:underline disabled:cursor-not-allowed disabled:opacity-50 dark:text-blue-300"
                        >
                          Roll back
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function actionLabel(e: HistoryEntry): string {
  if (e.kind === "schema") return e.action === "approve" ? "accepted" : (ACTIONS[e.action] ?? e.action);
  return ACTIONS[e.action] ?? e.action;
}

/** The target in force before and after a mapping decision (a rejection leaves it as it was), or a schema change's status. */
function Change({ entry }: { entry: HistoryEntry }) {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (entry.kind === "schema")
    return (
      <span>
        {String(before.status ?? "pending")} → {String(after.status ?? "?")}
      </span>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <TargetLabel target={targetIn(before)} /> → <TargetLabel target={after.status === "rejected" ? targetIn(before) : targetIn(after)} />
      {after.status === "rejected" && targetIn(after) && <span className={MUTED}>(not {targetIn(after)})</span>}
    </span>
  );
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const targetIn = (record: Record<string, unknown>) => (typeof record.target === "string" ? record.target : null);
