import { createTaskFunction } from "@/inngest/create-task-function";
import { driftRepair } from "@/lib/tasks/workflows/drift-repair";

export default createTaskFunction(driftRepair);
