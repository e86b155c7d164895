import type { Workflow } from "@/lib/tasks/workflow";
import type { TaskType } from "@/lib/tasks/types";
import { agentRun } from "./agent-run";
import { connectorSync } from "./connector-sync";
import { dclRebuild } from "./dcl-rebuild";
import { driftCheck } from "./drift-check";
import { driftRepair } from "./drift-repair";
import { kbIngest } from "./kb-ingest";

/** Every workflow, by task type. Both engines run exactly these definitions. */
export type WorkflowRegistry = ReadonlyMap<TaskType, Workflow<any>>;

export const workflows: WorkflowRegistry = new Map<TaskType, Workflow<any>>(
  [connectorSync, driftCheck, driftRepair, dclRebuild, kbIngest, agentRun].map((w) => [w.type, w as Workflow<any>]),
);
