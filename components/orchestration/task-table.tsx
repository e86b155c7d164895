"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { cancelTaskAction, retryTaskAction } from "@/app/(app)/orchestration/actions";
import { callAction } from "@/app/(app)/call-action";

type Task = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: { message: string; kind: string | null } | null;
  createdAt: string;
  finishedAt: string | null;
  nextAttemptAt: string | null;
};

const STATUSES = ["queued", "in_progress", "success", "failed", "cancelled"];
const BADGE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  in_progress: "bg-blue-50 text-blue-700 dark:bg-blue-950 dark:text-blue-300",
  success: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  cancelled: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
};

/** Refreshes every few seconds while any task is still moving. */
export function TaskTable({ tasks, canWrite, status }: { tasks: Task[]; canWrite: boolean; status?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const moving = tasks.some((t) => t.status === "queued" || t.status === "in_progress");

  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => router.refresh(), 3_000);
    return () => clearInterval(timer);
  }, [moving, router]);

  async function act(id: string, action: "cancel" | "retry") {
    setError(undefined);
    const result = await callAction(() => (action === "cancel" ? cancelTaskAction : retryTaskAction)({ id }));
    if (result.ok) router.refresh();
    else setError(result.error);
  }

  return (
    <Card>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href="/orchestration" className={!status ? "font-semibold text-brand-700 dark:text-blue-300" : "text-slate-600 dark:text-slate-300"}>All</Link>
        {STATUSES.map((s) => (
          <Link key={s} href={`/orchestration?status=${s}`} className={status === s ? "font-semibold text-brand-700 dark:text-blue-300" : "text-slate-600 dark:text-slate-300"}>{s.replace("_", " ")}</Link>
        ))}
      </nav>
      <ErrorText>{error}</ErrorText>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No tasks yet. Syncs, drift checks, repairs, rebuilds, ingests and agent runs appear here as they are requested.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr><th className="py-2">Task</th><th>Status</th><th>Attempts</th><th>Last error</th><th>Created</th><th /></tr>
          </thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={t.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="task-row">
                <td className="py-2 font-mono text-xs">{t.type}<br /><span className="text-slate-400">{t.id.slice(0, 8)}</span></td>
                <td><span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${BADGE[t.status]}`}>{t.status.replace("_", " ")}</span></td>
                <td>{t.attempts} / {t.maxAttempts}{t.nextAttemptAt && <div className="text-xs text-slate-500 dark:text-slate-400">next {new Date(t.nextAttemptAt).toLocaleTimeString()}</div>}</td>
                <td className="max-w-xs text-xs text-red-700 dark:text-red-300">{t.lastError?.message}</td>
                <td className="text-xs text-slate-500 dark:text-slate-400">{new Date(t.createdAt).toLocaleString()}</td>
                <td className="text-right">
                  {canWrite && (t.status === "queued" || t.status === "in_progress") && <Button variant="secondary" onClick={() => act(t.id, "cancel")}>Cancel</Button>}
                  {canWrite && (t.status === "failed" || t.status === "cancelled") && <Button variant="secondary" onClick={() => act(t.id, "retry")}>Retry</Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
