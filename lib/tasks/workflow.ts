import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TaskType } from "@/lib/tasks/types";

/** A durable unit: its output is recorded once done and replayed, never re-run, on a later attempt. */
export type StepTools = { run<T>(name: string, fn: () => Promise<T>): Promise<T> };

export type WorkflowRun<I> = { taskId: string; tenantId: string; attempt: number; input: I; step: StepTools; db: PrismaClient };

/** `next` asks for follow-up tasks (the chain data arrives -> drift check -> repair -> DCL rebuild). */
export type WorkflowResult = { summary: Record<string, unknown>; next?: { type: TaskType; input: unknown }[] };

/**
 * One workflow definition, run unchanged by both engines: Inngest (inngest/functions) and the
 * embedded engine (lib/tasks/embedded-engine.ts). Durable work goes inside `step.run`.
 */
export type Workflow<I = unknown> = {
  type: TaskType;
  description: string;
  input: z.ZodType<I>;
  /** Attempts before the task is marked failed (first try included). */
  maxAttempts: number;
  run(run: WorkflowRun<I>): Promise<WorkflowResult>;
};

export function defineWorkflow<I>(workflow: Workflow<I>): Workflow<I> {
  return workflow;
}
