import { createTaskFunction } from "@/inngest/create-task-function";
import { driftCheck } from "@/lib/tasks/workflows/drift-check";

export default createTaskFunction(driftCheck);
