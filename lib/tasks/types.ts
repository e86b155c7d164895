import { z } from "zod";
import { UserFacingError } from "@/lib/errors";

/** Every kind of long-running work the platform does. */
export const TaskType = z.enum(["connector.sync", "drift.check", "drift.repair", "dcl.rebuild", "kb.ingest", "agent.run"]);
export type TaskType = z.infer<typeof TaskType>;

export const TaskStatus = z.enum(["queued", "in_progress", "success", "failed", "cancelled"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TERMINAL: ReadonlySet<TaskStatus> = new Set(["success", "failed", "cancelled"]);

/** Why an attempt ended badly: `retriable` may succeed on retry, `permanent` never will. */
export type ErrorKind = "retriable" | "permanent" | "cancelled" | "lease_expired";

/** Thrown by workflow code for failures no retry can fix (bad input, missing resource); its message is shown to people. */
export class PermanentTaskError extends UserFacingError {}

/** The Inngest event that asks for a task to run; one event name per task type. */
export const TaskEvent = z.object({ taskId: z.uuid(), tenantId: z.uuid() });
export type TaskEvent = z.infer<typeof TaskEvent>;
export const taskEventName = (type: TaskType) => `aos/task.${type}` as const;
