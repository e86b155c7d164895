"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { SyncProblem } from "@/lib/aam/connection-figures";
import { formatBytes } from "@/lib/format";
import { deleteUploadedFileAction } from "@/app/(app)/connections/actions";
import { callAction } from "@/app/(app)/call-action";
import { uploadFile } from "./upload-request";

const ACCEPT = ".csv,.tsv,.txt,.jsonl,.ndjson";

type Progress = { name: string; bytes: number; sent: number; index: number; count: number };

/**
 * The files of an upload connection: each chosen file is sent with its progress shown, a file
 * with the same name replaces the stored one, and a file can be removed after a confirm step.
 * The next sync reads the changes.
 */
export function UploadFiles({
  id,
  files,
  problems,
  canWrite,
}: {
  id: string;
  files: { name: string; bytes: number }[];
  problems: SyncProblem[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>();
  const [errors, setErrors] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const [notice, setNotice] = useState<string>();

  async function onChoose(chosen: FileList | null) {
    const list = Array.from(chosen ?? []);
    const failed: string[] = [];
    setErrors([]);
    setNotice(undefined);
    for (const [index, file] of list.entries()) {
      setProgress({ name: file.name, bytes: file.size, sent: 0, index, count: list.length });
      await uploadFile(id, file, (sent) => setProgress((p) => (p ? { ...p, sent } : p))).catch((error: Error) => {
        failed.push(error.message.startsWith(file.name) ? error.message : `${file.name}: ${error.message}`);
      });
    }
    setProgress(undefined);
    setErrors(failed);
    const stored = list.length - failed.length;
    if (stored > 0) setNotice(`${stored === 1 ? "1 file" : `${stored} files`} uploaded. Sync to read ${stored === 1 ? "it" : "them"}.`);
    if (input.current) input.current.value = "";
    router.refresh();
  }

  async function onRemove(name: string) {
    setRemoving(true);
    setErrors([]);
    const result = await callAction(() => deleteUploadedFileAction({ id, name }));
    setRemoving(false);
    setConfirming(undefined);
    if (!result.ok) return setErrors([result.error]);
    setNotice(`${name} removed. The next sync no longer reads it; the records already read stay.`);
    router.refresh();
  }

  const busy = !!progress || removing;
  return (
    <Card title="Uploaded files">
      {files.length === 0 ? (
        <p className={`mb-3 text-sm ${MUTED}`}>
          No files yet. Each file you upload becomes a stream named after it; sync after uploading to read it.
        </p>
      ) : (
        <ul className="mb-3 divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="uploaded-files">
          {files.map((f) => {
            const problem = problems.find((p) => p.stream === f.name);
            return (
              <li key={f.name} className="py-2">
                <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{f.name}</span>
                  <span className="flex items-center gap-3">
                    <span className={`text-xs ${MUTED}`}>{formatBytes(f.bytes)}</span>
                    {canWrite && confirming !== f.name && (
                      <Button
                        variant="secondary"
                        className="px-2 py-1 text-xs"
                        disabled={busy}
                        onClick={() => setConfirming(f.name)}
                        aria-label={`Remove ${f.name}`}
                      >
                        Remove
                      </Button>
                    )}
                  </span>
                </div>
                {problem && <p className="mt-1 text-xs text-red-700 dark:text-red-300">Not read in the last sync: {problem.message}</p>}
                {confirming === f.name && (
                  <div
                    role="group"
                    aria-label={`Confirm removing ${f.name}`}
                    className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
                  >
                    <span>Remove {f.name}? Syncs stop reading it; the records already read stay.</span>
                    <Button variant="danger" className="px-2 py-1 text-xs" disabled={removing} onClick={() => onRemove(f.name)}>
                      {removing ? "Removing…" : "Yes, remove"}
                    </Button>
                    <Button variant="secondary" className="px-2 py-1 text-xs" disabled={removing} onClick={() => setConfirming(undefined)}>
                      Cancel
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite && (
        <div className="space-y-2">
          <label className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Upload CSV, TSV or JSON Lines
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              multiple
              disabled={busy}
              onChange={(e) => onChoose(e.target.files)}
              className="mt-1 block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-100 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100 dark:hover:file:bg-slate-700"
            />
          </label>
          {progress && <UploadProgress progress={progress} />}
          {errors.map((e) => (
            <ErrorText key={e}>{e}</ErrorText>
          ))}
          {notice && !progress && (
            <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
              {notice}
            </p>
          )}
        </div>
      )}
    </Card>
  );
}

function UploadProgress({ progress: p }: { progress: Progress }) {
  const share = p.bytes ? Math.min(100, Math.round((p.sent / p.bytes) * 100)) : 0;
  const label = `Uploading ${p.name} (${formatBytes(p.bytes)})${p.count > 1 ? `, file ${p.index + 1} of ${p.count}` : ""}`;
  return (
    <div className="space-y-1" data-testid="upload-progress">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        <span role="status">{label}…</span> <span aria-hidden>{share}%</span>
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share}
        className="h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-brand-600 transition-[width] dark:bg-blue-400" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
