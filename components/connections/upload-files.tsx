"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Card, ErrorText } from "@/components/ui/card";
import { formatBytes } from "@/lib/format";
import { apiFetch } from "@/lib/http/client";

const ACCEPT = ".csv,.tsv,.txt,.jsonl,.ndjson";

/**
 * The files of an upload connection, and an input that sends each chosen file as the raw body of
 * `POST /api/v1/aam/connections/{id}/files?name=...` (a server action would buffer it whole).
 * A file with the same name replaces the stored one; the next sync reads it.
 */
export function UploadFiles({ id, files, canWrite }: { id: string; files: { name: string; bytes: number }[]; canWrite: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string>();
  const [error, setError] = useState<string>();

  async function onChoose(chosen: FileList | null) {
    setError(undefined);
    try {
      for (const file of Array.from(chosen ?? [])) {
        setUploading(file.name);
        await uploadFile(id, file);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(undefined);
      if (input.current) input.current.value = "";
      router.refresh();
    }
  }

  return (
    <Card title="Files">
      {files.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No files yet. Each file becomes a stream named after it; sync after uploading to read it.</p>
      ) : (
        <ul className="mb-3 divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="uploaded-files">
          {files.map((f) => (
            <li key={f.name} className="flex justify-between py-1.5">
              <span className="font-mono text-xs">{f.name}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{formatBytes(f.bytes)}</span>
            </li>
          ))}
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
              disabled={!!uploading}
              onChange={(e) => onChoose(e.target.files)}
              className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-100 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100 dark:hover:file:bg-slate-700"
            />
          </label>
          {uploading && <p className="text-xs text-slate-500 dark:text-slate-400">Uploading {uploading}…</p>}
          <ErrorText>{error}</ErrorText>
        </div>
      )}
    </Card>
  );
}

/** Throws an Error carrying the API's message, prefixed with the file name. */
async function uploadFile(connectionId: string, file: File): Promise<void> {
  await apiFetch(`/api/v1/aam/connections/${connectionId}/files?name=${encodeURIComponent(file.name)}`, { body: file }).catch((error: Error) => {
    throw new Error(`${file.name}: ${error.message}`);
  });
}
