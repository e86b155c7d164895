import { createTaskFunction } from "@/inngest/create-task-function";
import { connectorSync } from "@/lib/tasks/workflows/connector-sync";

export default createTaskFunction(connectorSync);
