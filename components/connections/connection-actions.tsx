"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import type { ActionResult } from "@/app/(app)/action-client";
import {
  acceptSchemaChangesAction,
  checkConnectionAction,
  deleteConnectionAction,
  promoteConnectionAction,
  setConnectionPausedAction,
  syncConnectionAction,
} from "@/app/(app)/connections/actions";
import { callAction } from "@/app/(app)/call-action";

/** Check, sync, pause / resume, accept pending schema changes, promote out of safe mode and delete (after a confirm step). */
export function ConnectionActions({
  id,
  status,
  hasPendingChanges,
  safeMode,
}: {
  id: string;
  status: string;
  hasPendingChanges: boolean;
  safeMode: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<ReactNode>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  /** Runs an action; on success `done` says what to show, and the page reloads its data. */
  async function run<T>(action: () => Promise<ActionResult<T>>, done: (data: T) => ReactNode) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const result = await callAction(action);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setNotice(done(result.data));
    router.refresh();
  }

  async function onDelete() {
    setBusy(true);
    setError(undefined);
    const result = await callAction(() => deleteConnectionAction({ id }));
    if (result.ok) return router.push("/connections");
    setBusy(false);
    setConfirmingDelete(false);
    setError(result.error);
  }

  const paused = status === "paused";
  return (
    <div className="space-y-3" data-testid="connection-actions">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() =>
            run(
              () => checkConnectionAction({ id }),
              (r) =>
                r.ok ? `Connected (${r.latencyMs} ms).` : <span className="text-red-700 dark:text-red-300">Check failed: {r.message}</span>,
            )
          }
        >
          Check
        </Button>
        <Button
          disabled={busy || paused}
          title={paused ? "Resume the connection to sync it" : undefined}
          onClick={() =>
            run(
              () => syncConnectionAction({ id }),
              () => (
                <>
                  Sync queued. Follow it in{" "}
                  <Link href="/orchestration" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
                    Orchestration
                  </Link>
                  .
                </>
              ),
            )
          }
        >
          Sync now
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() =>
            run(
              () => setConnectionPausedAction({ id, paused: !paused }),
              (r) => `Connection ${r.status === "paused" ? "paused" : "resumed"}.`,
            )
          }
        >
          {paused ? "Resume" : "Pause"}
        </Button>
        {hasPendingChanges && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              run(
                () => acceptSchemaChangesAction({ id }),
                (r) => `Accepted ${r.accepted} schema change${r.accepted === 1 ? "" : "s"}${r.resumed ? "; the connection resumed" : ""}.`,
              )
            }
          >
            Accept pending schema changes
          </Button>
        )}
        {safeMode && (
          <Button
            disabled={busy}
            title="Leave safe mode: read everything, apply confident mappings and build the views"
            onClick={() =>
              run(
                () => promoteConnectionAction({ id }),
                (r) =>
                  `Promoted: ${r.mappingsApproved} mapping${r.mappingsApproved === 1 ? "" : "s"} approved; ${r.syncQueued ? "a full sync is queued" : "resume the connection to sync it"}.`,
              )
            }
          >
            Promote
          </Button>
        )}
        {!confirmingDelete && (
          <Button variant="danger" disabled={busy} onClick={() => setConfirmingDelete(true)}>
            Delete
          </Button>
        )}
      </div>
      {confirmingDelete && (
        <div
          role="group"
          aria-label="Confirm delete"
          className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          Delete this connection with everything read from it (records, schemas, drift events, mappings)? This cannot be undone.
          <Button variant="danger" disabled={busy} onClick={onDelete}>
            Yes, delete
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => setConfirmingDelete(false)}>
            Cancel
          </Button>
        </div>
      )}
      <ErrorText>{error}</ErrorText>
      {notice && (
        <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
          {notice}
        </p>
      )}
    </div>
  );
}
