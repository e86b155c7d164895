import { z } from "zod";
import { listOf, pageParams, type SortOrder, sortParam } from "@/lib/http/list";
import { Id, JsonValue, Timestamp } from "@/lib/http/wire";
import { TaskErrorKind, TaskStatus, TaskType } from "@/lib/tasks/types";

export const CreateTaskInput = z.object({
  type: TaskType,
  input: z.unknown().default({}).meta({ description: "The workflow's input, checked against its type's schema" }),
  idempotencyKey: z.string().trim().min(1).max(200).optional().meta({
    description: "Same key in the same tenant answers the existing task (200, `Idempotent-Replayed: true`) instead of creating another",
  }),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

const SORT_FIELDS = ["createdAt", "finishedAt"] as const;
type TaskSortField = (typeof SORT_FIELDS)[number];
export type TaskSort = SortOrder<TaskSortField>;
export const DEFAULT_TASK_SORT: TaskSort = { field: "createdAt", direction: "desc" };

export const ListTasksQuery = z.object({
  status: TaskStatus.optional(),
  type: TaskType.optional(),
  ...pageParams({ defaultLimit: 25, maxLimit: 100 }),
  sort: sortParam(SORT_FIELDS, "-createdAt").meta({
    description:
      "The order: `createdAt` or `finishedAt` (finished tasks only: one still queued or running has no finish time), `-` before it for descending; `-createdAt` by default",
  }),
});
/** The parsed query; `sort` may be left out (newest first). */
export type ListTasksQuery = Omit<z.infer<typeof ListTasksQuery>, "sort"> & { sort?: TaskSort };

export const TaskParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });

const TaskError = z.object({
  message: z.string().meta({ description: "What went wrong, safe to show a person" }),
  kind: TaskErrorKind.nullable(),
});

export const TaskAttempt = z
  .object({
    attempt: z.int().meta({ description: "Its number, from 1" }),
    status: z.enum(["running", "succeeded", "failed", "cancelled"]),
    error: TaskError.nullable(),
    startedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: "TaskAttempt" });
export type TaskAttempt = z.infer<typeof TaskAttempt>;

/** A task as the API answers it: lease bookkeeping stays internal. */
export const Task = z
  .object({
    id: Id,
    type: TaskType,
    status: TaskStatus,
    input: JsonValue.meta({
      description: "The workflow's input (its shape depends on `type`)",
      examples: [{ connectionId: "3f0c8a52-6f1e-4c8e-9a57-2b7f1d4e9c10" }],
    }),
    attempts: z.int().meta({ description: "Attempts started so far" }),
    maxAttempts: z.int().meta({ description: "Attempts allowed before it fails for good (raised by a manual retry)" }),
    lastError: TaskError.nullable().meta({ description: "Why the last attempt failed, or why it was stopped" }),
    result: JsonValue.nullable().meta({ description: "What it produced (its shape depends on `type`); null until it succeeds" }),
    idempotencyKey: z.string().nullable(),
    parentTaskId: Id.nullable().meta({ description: "The task whose result asked for this one (a follow-up in a chain)" }),
    engine: z.enum(["embedded", "inngest"]).meta({ description: "The job engine that runs it" }),
    engineRunId: z.string().nullable(),
    nextAttemptAt: Timestamp.nullable().meta({ description: "When a failed attempt will be tried again (queued after a failure)" }),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
    history: z.array(TaskAttempt).optional().meta({ description: "Each attempt, oldest first: only when one task is read" }),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

export const TaskAnswer = z.object({ task: Task });
export type TaskAnswer = z.infer<typeof TaskAnswer>;
export const TaskPage = listOf("tasks", Task);
