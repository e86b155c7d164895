import { missingTarget, taskTarget, type TaskNames, type TaskTarget } from "@/lib/tasks/targets";
import { summarizeResult } from "@/lib/tasks/summarize-result";
import type { TaskType } from "@/lib/tasks/types";

/** What a task is about, in words a person reads: never its type key or id. */
export type TaskDescription = {
  /** "Sync Demo data (mock_sources)", "Rebuild unified views", "Run FinOps agent". */
  title: string;
  /** What it produced, when it succeeded: "7 records stored, 2 schema changes". */
  summary: string | null;
  target: TaskTarget;
  /** Where the target lives in the app, while it exists. */
  targetHref: string | null;
  /** "The connection was deleted" when the target is gone; such a task can never run again. */
  targetGone: string | null;
};

/** Each kind of task as a plural noun, for charts and filters. */
export const TASK_KINDS: Record<TaskType, string> = {
  "connector.sync": "Syncs",
  "drift.check": "Drift checks",
  "drift.repair": "Mapping repairs",
  "dcl.rebuild": "View rebuilds",
  "kb.ingest": "Document ingests",
  "agent.run": "Agent runs",
};

type Describable = { type: string; input: unknown; result?: unknown; status?: string };

/** The one formatter of tasks for people (the task list and a task's page): `names` comes from loadTaskNames. */
export function describeTask(task: Describable, names: TaskNames): TaskDescription {
  const target = taskTarget(task.type, task.input);
  const targetGone = missingTarget(target, names);
  return {
    title: titleOf(task.type, target, names),
    summary: task.status === undefined || task.status === "success" ? summarizeResult(task.type, task.result) : null,
    target,
    targetHref: targetGone ? null : hrefOf(target),
    targetGone,
  };
}

function titleOf(type: string, target: TaskTarget, names: TaskNames): string {
  const connection = target.kind === "connection" ? (names.connections.get(target.id)?.name ?? "a deleted connection") : "a connection";
  switch (type) {
    case "connector.sync":
      return `Sync ${connection}`;
    case "drift.check":
      return `Check ${connection} for schema drift`;
    case "drift.repair":
      return `Repair mappings of ${connection}`;
    case "dcl.rebuild":
      return "Rebuild unified views";
    case "kb.ingest":
      return ingestTitle(target, names);
    case "agent.run":
      return agentTitle(target, names);
    default:
      return "Background task";
  }
}

function agentTitle(target: TaskTarget, names: TaskNames): string {
  const agent = target.kind === "agent" ? names.agents.get(target.slug) : undefined;
  if (!agent) return "Run a deleted agent";
  return /\bagent$/i.test(agent.name) ? `Run ${agent.name}` : `Run agent ${agent.name}`;
}

function ingestTitle(target: TaskTarget, names: TaskNames): string {
  const ids = target.kind === "documents" ? target.ids : [];
  const titles = ids.map((id) => names.documents.get(id)?.title).filter((t): t is string => t !== undefined);
  if (ids.length <= 1) return titles[0] ? `Ingest document ${titles[0]}` : "Ingest a deleted document";
  if (titles.length === 0) return `Ingest ${ids.length} deleted documents`;
  const more = ids.length - 1;
  return `Ingest ${titles[0]} and ${more} more ${more === 1 ? "document" : "documents"}`;
}

function hrefOf(target: TaskTarget): string | null {
  if (target.kind === "connection") return `/connections/${target.id}`;
  if (target.kind === "agent") return `/agents?agent=${encodeURIComponent(target.slug)}`;
  return null;
}
