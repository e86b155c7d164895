import { createTaskFunction } from "@/inngest/create-task-function";
import { kbIngest } from "@/lib/tasks/workflows/kb-ingest";

export default createTaskFunction(kbIngest);
