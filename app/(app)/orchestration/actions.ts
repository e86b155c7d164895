"use server";

import { cancelTask, retryTask } from "@/lib/tasks/tasks";
import { TaskParams } from "@/lib/tasks/schemas";
import { tenantAction } from "../action-client";

const cancel = tenantAction(TaskParams, "tasks:write", ({ ctx, input }) => cancelTask({ ctx, id: input.id }));
const retry = tenantAction(TaskParams, "tasks:write", ({ ctx, input }) => retryTask({ ctx, id: input.id }));

export async function cancelTaskAction(input: { id: string }) {
  return cancel(input);
}

export async function retryTaskAction(input: { id: string }) {
  return retry(input);
}
