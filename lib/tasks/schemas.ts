import { z } from "zod";
import { TaskStatus, TaskType } from "@/lib/tasks/types";

export const CreateTaskInput = z.object({
  type: TaskType,
  input: z.unknown().default({}),
  /** Same key in the same tenant returns the existing task instead of creating another. */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const ListTasksQuery = z.object({
  status: TaskStatus.optional(),
  type: TaskType.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.uuid().optional(),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;

export const TaskParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });
