import { z } from "zod";
import { UserFacingError } from "@/lib/errors";

/** Every kind of long-running work the platform does. */
export const TaskType = z.enum(["connector.sync", "drift.check", "drift.repair", "dcl.rebuild", "kb.ingest", "agent.run"]);
export type TaskType = z.infer<typeof TaskType>;

export const TaskStatus = z.enum(["queued", "in_progress", "success", "failed", "cancelled"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TERMINAL: ReadonlySet<TaskStatus> = new Set(["success", "failed", "cancelled"]);

/**
 * Why an attempt or a task ended badly: `retriable` may succeed on retry, `permanent` never will;
 * `lease_expired` (its runner stopped), `dispatch` (the job engine was unreachable) and
 * `target_deleted` (its connection was deleted) are the platform's own.
 */
export const TaskErrorKind = z.enum(["retriable", "permanent", "cancelled", "lease_expired", "dispatch", "target_deleted"]);
export type TaskErrorKind = z.infer<typeof TaskErrorKind>;

/** Thrown by workflow code for failures no retry can fix (bad input, missing resource); its message is shown to people. */
export class PermanentTaskError extends UserFacingError {}

/** The Inngest event that asks for a task to run; one event name per task type. */
export const TaskEvent = z.object({ taskId: z.uuid(), tenantId: z.uuid() });
export type TaskEvent = z.infer<typeof TaskEvent>;
export const taskEventName = (type: TaskType) => `aos/task.${type}` as const;
