import { createTaskFunction } from "@/inngest/create-task-function";
import { agentRun } from "@/lib/tasks/workflows/agent-run";

export default createTaskFunction(agentRun);
