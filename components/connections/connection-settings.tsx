"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SURFACE } from "@/components/ui/tone";
import type { ConnectionDto } from "@/lib/aam/dto";
import { ConnectionSummary } from "./connection-summary";
import { EditConnectionForm } from "./edit-connection-form";

/** The connection's settings, and for those who may change them an Edit button that turns them into a form. */
export function ConnectionSettings({
  connection,
  typeLabel,
  canWrite,
}: {
  connection: ConnectionDto;
  typeLabel: string;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className={`${SURFACE} p-5`} aria-labelledby="connection-settings-title">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id="connection-settings-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Settings
        </h2>
        {canWrite && !editing && (
          <Button
            variant="secondary"
            className="py-1"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            Edit
          </Button>
        )}
      </div>
      {editing ? (
        <EditConnectionForm
          connection={connection}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      ) : (
        <>
          <ConnectionSummary connection={connection} typeLabel={typeLabel} />
          {saved && (
            <p
              role="status"
              className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300"
            >
              Saved. The next sync uses these settings.
            </p>
          )}
        </>
      )}
    </section>
  );
}
