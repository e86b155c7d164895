import type { TaskType } from "@/lib/tasks/types";

/** Task types whose input names one connection (`input.connectionId`). */
export const CONNECTION_TASK_TYPES = ["connector.sync", "drift.check", "drift.repair"] as const satisfies readonly TaskType[];

/** What a task works on, read from its stored input (which may predate today's schema, so nothing is assumed). */
export type TaskTarget =
  | { kind: "connection"; id: string }
  | { kind: "agent"; slug: string }
  | { kind: "documents"; ids: string[] }
  | { kind: "tenant" };

export function taskTarget(type: string, input: unknown): TaskTarget {
  const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  if ((CONNECTION_TASK_TYPES as readonly string[]).includes(type) && typeof fields.connectionId === "string")
    return { kind: "connection", id: fields.connectionId };
  if (type === "agent.run" && typeof fields.agent === "string") return { kind: "agent", slug: fields.agent };
  if (type === "kb.ingest" && Array.isArray(fields.documentIds))
    return { kind: "documents", ids: fields.documentIds.filter((d): d is string => typeof d === "string") };
  return { kind: "tenant" };
}

/**
 * The names of the things tasks work on, looked up for a page of tasks. A key that is absent means
 * the thing is gone (deleted); `users` names the people who asked for tasks or retried them.
 */
export type TaskNames = {
  connections: ReadonlyMap<string, { name: string; typeLabel: string }>;
  agents: ReadonlyMap<string, { name: string; enabled: boolean }>;
  documents: ReadonlyMap<string, { title: string }>;
  users: ReadonlyMap<string, { name: string }>;
};

/** Why a deleted connection's tasks ended, and why they cannot be retried. */
export const CONNECTION_DELETED = "The connection was deleted";

/**
 * Why the task's target can no longer be worked on (the connection or agent was deleted, every
 * document is gone); null when it still exists. A task without a target is never blocked.
 */
export function missingTarget(target: TaskTarget, names: TaskNames): string | null {
  switch (target.kind) {
    case "connection":
      return names.connections.has(target.id) ? null : CONNECTION_DELETED;
    case "agent":
      return names.agents.has(target.slug) ? null : "The agent was deleted";
    case "documents":
      return target.ids.some((id) => names.documents.has(id))
        ? null
        : target.ids.length === 1
          ? "The document was deleted"
          : "The documents were deleted";
    case "tenant":
      return null;
  }
}

/** Why retrying the task cannot work now (its target is gone, or the agent is switched off); null when it can. */
export function retryBlocker(target: TaskTarget, names: TaskNames): string | null {
  const gone = missingTarget(target, names);
  if (gone) return gone;
  if (target.kind === "agent" && names.agents.get(target.slug)?.enabled === false) return "The agent is disabled; enable it first";
  return null;
}
