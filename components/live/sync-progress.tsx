"use client";

import { useEffect, useState } from "react";
import { listenToTenantEvents } from "./tenant-events";

type Progress = { streamsRead: number; streams: number; rowsStored: number };

/** A connection's sync as it runs: streams read out of the total and rows stored so far, from the live stream. */
export function SyncProgress({ connectionId }: { connectionId: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      listenToTenantEvents(["aam.sync.progress", "aam.sync.completed"], ({ type, data }) => {
        if (data.connectionId !== connectionId) return;
        if (type === "aam.sync.completed") return setProgress(null);
        setProgress({ streamsRead: Number(data.streamsRead) || 0, streams: Number(data.streams) || 0, rowsStored: Number(data.rowsStored) || 0 });
      }),
    [connectionId],
  );
  if (!progress) return null;
  const share = progress.streams ? Math.round((progress.streamsRead / progress.streams) * 100) : 0;
  return (
    <div role="status" aria-live="polite" className="space-y-1 text-sm" data-testid="sync-progress">
      <p>
        Syncing: {progress.streamsRead} of {progress.streams} tables read, {progress.rowsStored.toLocaleString("en-US")} rows stored so far
      </p>
      <div className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
        <div className="h-full bg-emerald-500 transition-[width]" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
