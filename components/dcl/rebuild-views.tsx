"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { ErrorText } from "@/components/ui/card";
import { rebuildViewsAction } from "@/app/(app)/ontology/actions";
import { callAction } from "@/app/(app)/call-action";

const ORCHESTRATION = (
  <Link href="/orchestration" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
    Orchestration
  </Link>
);

/**
 * Queues a `dcl.rebuild` task. While the latest rebuild is queued or running, the page reloads its
 * data on each task change (live `task.updated` events), so the notice follows the rebuild and the
 * views and the graph show the new build as soon as it lands (`dcl.views.rebuilt`, on the page).
 */
export function RebuildViews({ status, canWrite }: { status: string | null; canWrite: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const moving = status === "queued" || status === "in_progress";

  async function onRebuild() {
    setBusy(true);
    setError(undefined);
    const result = await callAction(() => rebuildViewsAction());
    setBusy(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  }

  let notice: ReactNode = null;
  if (moving) notice = <>Rebuilding the views; follow it in {ORCHESTRATION}.</>;
  else if (status === "failed")
    notice = <span className="text-red-700 dark:text-red-300">The last rebuild failed; see {ORCHESTRATION}.</span>;
  return (
    <div className="flex flex-col items-end gap-2">
      {moving && <RefreshOnEvents types={["task.updated"]} />}
      {canWrite && (
        <Button disabled={busy} onClick={onRebuild}>
          Rebuild views
        </Button>
      )}
      {notice && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {notice}
        </p>
      )}
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
