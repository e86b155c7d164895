"use client";

import { useEffect, useState } from "react";
import type { TaskType } from "@/lib/tasks/types";
import { listenToTenantEvents } from "./tenant-events";

const ACTIVE = new Set(["queued", "in_progress"]);

/**
 * A status line while tasks of `kinds` wait or run in the tenant, from the live `task.updated`
 * events ("Rebuilding the unified views…, attempt 2"); gone once they finish. `running` is what
 * the server saw when it drew the page.
 */
export function TaskProgress({ kinds, label, running = 0 }: { kinds: readonly TaskType[]; label: string; running?: number }) {
  const [active, setActive] = useState<Map<string, { status: string; attempt?: number }>>(new Map());
  const [seen, setSeen] = useState(false);
  const key = kinds.join(",");
  useEffect(
    () =>
      listenToTenantEvents(["task.updated"], ({ data }) => {
        if (!key.split(",").includes(String(data.kind))) return;
        setSeen(true);
        setActive((current) => {
          const next = new Map(current);
          if (ACTIVE.has(String(data.status))) next.set(String(data.taskId), { status: String(data.status), attempt: typeof data.attempt === "number" ? data.attempt : undefined });
          else next.delete(String(data.taskId));
          return next;
        });
      }),
    [key],
  );
  const tasks = [...active.values()];
  if (seen ? tasks.length === 0 : running === 0) return null;
  const runningNow = tasks.find((t) => t.status === "in_progress");
  const words = runningNow ? `${label}…${runningNow.attempt && runningNow.attempt > 1 ? ` (attempt ${runningNow.attempt})` : ""}` : `${label}: waiting to start`;
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200" data-testid="task-progress">
      <span className="size-2 animate-pulse rounded-full bg-blue-500" aria-hidden />
      {words}
    </p>
  );
}
