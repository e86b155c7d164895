"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { deleteDocumentAction } from "@/app/(app)/assistant/actions";
import { BADGE } from "@/components/agents/tone";
import { useRunAction } from "@/components/dcl/use-run-action";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { Button } from "@/components/ui/button";
import { ApiError, api, unwrap } from "@/lib/api/client";
import { formatBytes } from "@/lib/format";
import { ErrorText } from "@/components/ui/card";

export type ListedDocument = {
  id: string;
  title: string;
  fileName: string;
  formatLabel: string;
  bytes: number;
  status: "queued" | "ingesting" | "ready" | "failed";
  error: string | null;
  chunks: number;
  redactions: Record<string, number>;
  createdAt: string;
};

const STATUS_TONE: Record<ListedDocument["status"], string> = {
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  ingesting: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  ready: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
};

/**
 * The knowledge base's documents: upload (members and up), each one's ingestion status, its
 * chunks and what redaction hid, the original for roles allowed to see PII, and deletion.
 */
export function DocumentsPanel({
  documents,
  canWrite,
  canSeeOriginals,
  accept,
}: {
  documents: ListedDocument[];
  canWrite: boolean;
  canSeeOriginals: boolean;
  accept: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const { busy, error, notice, run } = useRunAction();

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setUploading(true);
    setUploadError(undefined);
    const failures: string[] = [];
    for (const file of files) {
      try {
        // The file itself is the body, sent as-is with its own type.
        await unwrap(
          api.POST("/api/v1/nlp/kb/documents", {
            params: { query: { name: file.name } },
            body: file,
            bodySerializer: (body) => body,
            headers: { "content-type": file.type || "application/octet-stream" },
          }),
        );
      } catch (e) {
        failures.push(`${file.name}: ${e instanceof ApiError ? e.message : "the server could not be reached"}`);
      }
    }
    setUploading(false);
    if (failures.length) setUploadError(failures.join("; "));
    if (input.current) input.current.value = "";
    router.refresh();
  }

  return (
    <div className={`space-y-4 p-5 ${SURFACE}`}>
      <RefreshOnEvents types={["kb.document.updated"]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className={`text-sm ${MUTED}`}>
          Text, Markdown, HTML, CSV, PDF and Word files. Personal data is redacted before anything is stored or sent to a model.
        </p>
        {canWrite && (
          <>
            <input
              ref={input}
              id="kb-upload"
              type="file"
              aria-label="Documents to add"
              tabIndex={-1}
              multiple
              accept={accept}
              className="sr-only"
              onChange={(e) => upload(e.target.files)}
            />
            <Button type="button" onClick={() => input.current?.click()} disabled={uploading}>
              {uploading ? "Uploading…" : "Add documents"}
            </Button>
          </>
        )}
      </div>
      <ErrorText>{uploadError ?? error}</ErrorText>
      {notice && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {notice}
        </p>
      )}
      {documents.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>
          No documents yet. Add policies, handbooks or reports, and the assistant answers from them with citations.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Documents">
          {documents.map((d) => {
            const redacted = Object.values(d.redactions).reduce((s, n) => s + n, 0);
            return (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0 space-y-0.5">
                  <p className="break-words font-medium">
                    {d.title} <span className={`${BADGE} ${STATUS_TONE[d.status]}`}>{d.status}</span>
                  </p>
                  <p className={`break-words text-xs ${MUTED}`}>
                    {d.fileName} · {d.formatLabel} · {formatBytes(d.bytes)}
                    {d.status === "ready" &&
                      ` · ${d.chunks} passage${d.chunks === 1 ? "" : "s"} · ${redacted === 0 ? "nothing redacted" : `${redacted} redaction${redacted === 1 ? "" : "s"}`}`}
                  </p>
                  {d.error && <p className="text-xs text-red-700 dark:text-red-300">{d.error}</p>}
                </div>
                <div className="flex shrink-0 gap-2">
                  {canSeeOriginals && (
                    <a
                      href={`/api/v1/nlp/kb/documents/${d.id}/original`}
                      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                    >
                      Original
                    </a>
                  )}
                  {canWrite && (
                    <Button
                      variant="danger"
                      disabled={busy === d.id}
                      onClick={() =>
                        run(
                          d.id,
                          () => deleteDocumentAction({ id: d.id }),
                          () => `${d.title} is deleted, with its passages.`,
                        )
                      }
                    >
                      Delete
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
