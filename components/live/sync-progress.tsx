"use client";

import { useEffect, useState } from "react";
import { listenToTenantEvents } from "./tenant-events";

type Progress = { streamsRead: number; streams: number; rowsStored: number };

/**
 * A connection's sync as it runs, from the live stream: `noun` ("tables", "files") read out of the
 * total and rows stored so far. Screen readers hear when it starts and ends, not every step.
 */
export function SyncProgress({ connectionId, noun = "streams" }: { connectionId: string; noun?: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [said, setSaid] = useState("");
  useEffect(
    () =>
      listenToTenantEvents(["aam.sync.progress", "aam.sync.completed", "reset"], ({ type, data }) => {
        if (type === "reset") return setProgress(null);
        if (data.connectionId !== connectionId) return;
        if (type === "aam.sync.completed") {
          setProgress(null);
          return setSaid(data.outcome === "failed" ? "The sync failed." : "The sync finished.");
        }
        setProgress((current) => {
          if (!current) setSaid("Syncing…");
          return {
            streamsRead: Number(data.streamsRead) || 0,
            streams: Number(data.streams) || 0,
            rowsStored: Number(data.rowsStored) || 0,
          };
        });
      }),
    [connectionId],
  );
  const share = progress?.streams ? Math.round((progress.streamsRead / progress.streams) * 100) : 0;
  return (
    <>
      <p role="status" className="sr-only">
        {said}
      </p>
      {progress && (
        <div className="space-y-1 text-sm" data-testid="sync-progress">
          <p>
            Syncing: {progress.streamsRead} of {progress.streams} {noun} read, {progress.rowsStored.toLocaleString("en-US")} rows stored so
            far
          </p>
          <div
            role="progressbar"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
            className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-emerald-500 transition-[width]" style={{ width: `${share}%` }} />
          </div>
        </div>
      )}
    </>
  );
}
