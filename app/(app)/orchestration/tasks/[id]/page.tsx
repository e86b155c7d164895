import Link from "next/link";
import { notFound } from "next/navigation";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { AttemptHistory } from "@/components/orchestration/attempt-history";
import { DetailLines } from "@/components/orchestration/detail-lines";
import { TaskActions } from "@/components/orchestration/task-actions";
import { TaskOrigin } from "@/components/orchestration/task-origin";
import { TaskSteps } from "@/components/orchestration/task-steps";
import { TaskStatusBadge } from "@/components/orchestration/task-status-badge";
import { TaskTiming } from "@/components/orchestration/task-timing";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { TenantContext } from "@/lib/auth/context";
import { roleHasScope } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { TaskParams } from "@/lib/tasks/schemas";
import { getTaskDetail } from "@/lib/tasks/task-detail";
import { requirePageContext } from "../../../page-context";

export const metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const parsed = TaskParams.safeParse(await params);
  if (!parsed.success) notFound();
  const task = await loadTask(ctx, parsed.data.id);
  const now = new Date();
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["task.updated"]} />
      <header className="space-y-2">
        <Link href="/orchestration" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
          ← Orchestration
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <h1 className="flex flex-wrap items-center gap-x-3 gap-y-1 break-words text-2xl font-bold">
              {task.title} <TaskStatusBadge label={task.status.label} tone={task.status.tone} />
            </h1>
            <TaskOrigin origin={task.origin} createdAt={task.createdAt} now={now} />
            {task.summary && <p className="break-words text-slate-700 dark:text-slate-200">{task.summary}</p>}
            {task.error && <p className="break-words text-red-700 dark:text-red-300">{task.error}</p>}
            <p className={`text-sm ${MUTED}`}>
              {task.attempts}
              {task.retryBlocked && `. Can't be retried: ${task.retryBlocked.charAt(0).toLowerCase()}${task.retryBlocked.slice(1)}`}
            </p>
          </div>
          {roleHasScope(ctx.actor.role, "tasks:write") && (
            <TaskActions id={task.id} title={task.title} canCancel={task.canCancel} canRetry={task.canRetry} />
          )}
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Timing">
          <TaskTiming task={task} now={now} />
        </Card>
        <Card title="Input">
          <DetailLines lines={task.input} empty="This task takes no input." />
        </Card>
      </div>
      <Card title="Attempts">
        <AttemptHistory rounds={task.rounds} waiting={task.status.value === "queued"} now={now} />
      </Card>
      <Card title="Steps">
        <TaskSteps steps={task.steps} engine={task.engine} status={task.status.value} now={now} />
      </Card>
      <Card title="Result">
        {task.status.value === "success" ? (
          <div className="space-y-3">
            <p className="text-sm">{task.summary ?? "It finished with nothing to report."}</p>
            {task.result.length > 0 && <DetailLines lines={task.result} empty="" />}
          </div>
        ) : (
          <p className={`text-sm ${MUTED}`}>
            {task.status.value === "failed" || task.status.value === "cancelled"
              ? "No result: the task did not finish."
              : "The result appears here when the task succeeds."}
          </p>
        )}
      </Card>
      {task.followUps.length > 0 && (
        <Card title="What it started">
          <ul className="space-y-2 text-sm">
            {task.followUps.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/orchestration/tasks/${f.id}`} className="text-brand-700 hover:underline dark:text-blue-300">
                  {f.title}
                </Link>
                <TaskStatusBadge label={f.status.label} tone={f.status.tone} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** A missing task, another tenant's, or a malformed id is a 404. */
async function loadTask(ctx: TenantContext, id: string) {
  try {
    return await getTaskDetail({ ctx, id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
