import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { enforceRateLimit, type RateLimitState } from "@/lib/kv/rate-limit";
import type { TaskType } from "@/lib/tasks/types";

/**
 * Per-tenant budgets for costly work, counted per minute in the shared store (Redis when
 * configured, in-process otherwise). Routes and server actions name the budget they spend
 * (`rateLimit: "probe"`); the sizes come from AOS_RATE_LIMIT_* (lib/env.ts).
 */
export const RateBudget = z.enum(["llm", "probe", "rebuild", "sync", "upload"]);
export type RateBudget = z.infer<typeof RateBudget>;

const WHAT: Record<RateBudget, string> = {
  llm: "language-model requests",
  probe: "source checks and discoveries",
  rebuild: "rebuilds",
  sync: "syncs",
  upload: "uploads",
};

/** Spends one unit of the tenant's budget. Throws RateLimitedError (429) once it is spent for this minute. */
export async function spendTenantBudget(tenantId: string, budget: RateBudget): Promise<RateLimitState> {
  const limit = env.rateLimits[budget];
  return enforceRateLimit(getKv(), `tenant:${tenantId}:${budget}`, {
    limit,
    windowSeconds: 60,
    reason: `This workspace may run ${limit} ${WHAT[budget]} a minute`,
  });
}

/** The budget a task of this type spends when it is created by hand (POST /tasks). */
const TASK_BUDGETS: Partial<Record<TaskType, RateBudget>> = {
  "connector.sync": "sync",
  "drift.check": "probe",
  "drift.repair": "rebuild",
  "dcl.rebuild": "rebuild",
  "kb.ingest": "llm",
  "agent.run": "llm",
};

/** For `rateLimit` on POST /tasks: the budget of the task type in the body. */
export function budgetForTask({ body }: { body: { type: TaskType } }): RateBudget | undefined {
  return TASK_BUDGETS[body.type];
}
