import "server-only";
import { Cron } from "croner";
import { systemDb, tenantDb } from "@/lib/db/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { createTask } from "@/lib/tasks/tasks";

/**
 * Queues the agent runs whose schedule came due, for every tenant: called every minute by the
 * embedded engine and by an Inngest cron function, on any number of machines. A run is queued once
 * per scheduled time (the task's idempotency key and a compare-and-set on `scheduled_at`); times
 * missed while nothing was running are not caught up one by one, the next tick runs the agent once.
 */
export async function queueScheduledRuns(base: PrismaClient, now = new Date()): Promise<number> {
  const db = systemDb(base, "the agent scheduler finds every tenant's due agents");
  const agents = await db.agent.findMany({
    where: { enabled: true, schedule: { not: null } },
    select: { id: true, tenantId: true, slug: true, schedule: true, scheduledAt: true, createdAt: true },
  });
  let queued = 0;
  for (const agent of agents) {
    const due = latestDue(agent.schedule!, agent.scheduledAt ?? agent.createdAt, now);
    if (!due) continue;
    // Another machine may have taken this tick: only the one that moves `scheduled_at` queues.
    const { count } = await db.agent.updateMany({ where: { id: agent.id, scheduledAt: agent.scheduledAt }, data: { scheduledAt: due } });
    if (count === 0) continue;
    try {
      const scope = { tenantId: agent.tenantId, db: tenantDb(base, agent.tenantId) };
      await createTask({
        ctx: scope,
        input: {
          type: "agent.run",
          input: { agent: agent.slug, trigger: "schedule" },
          idempotencyKey: `schedule:${agent.id}:${due.toISOString()}`,
        },
      });
      queued++;
    } catch (error) {
      log.warn("scheduled agent run not queued", { tenantId: agent.tenantId, agent: agent.slug, error });
    }
  }
  return queued;
}

/** The last time the schedule fired after `from` and by `now`, or null when it has not. */
export function latestDue(schedule: string, from: Date, now: Date): Date | null {
  let due: Date | null = null;
  // At most a week of minutes: a longer gap runs once, at the latest time within it.
  for (let next = nextRun(schedule, from), i = 0; next && next <= now && i < 10_080; next = nextRun(schedule, next), i++) due = next;
  return due;
}

/** The first time the schedule fires after `from`, or null for an expression that never fires. */
export function nextRun(schedule: string, from: Date): Date | null {
  try {
    return new Cron(schedule, { paused: true, timezone: "UTC" }).nextRun(from);
  } catch {
    return null;
  }
}
