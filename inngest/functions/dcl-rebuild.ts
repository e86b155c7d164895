import { createTaskFunction } from "@/inngest/create-task-function";
import { dclRebuild } from "@/lib/tasks/workflows/dcl-rebuild";

export default createTaskFunction(dclRebuild);
