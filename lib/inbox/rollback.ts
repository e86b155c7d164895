import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { rollbackMapping } from "@/lib/dcl/mappings/decisions";
import { requestDclRebuild } from "@/lib/dcl/request-rebuild";
import { publishTenantEvent } from "@/lib/events/publish";
import type { InboxRollback, InboxRollbackResult } from "./schemas";

/** Undoes a decision still in force (a history entry's `rollbackId`) and rebuilds the views, so the previous view comes back. */
export async function rollBackDecision({ ctx, input }: { ctx: TenantContext; input: InboxRollback }): Promise<InboxRollbackResult> {
  const mapping = await rollbackMapping({ ctx, id: input.id, input: { reason: input.reason } });
  await publishTenantEvent(ctx, "inbox.changed", { rolledBack: input.id });
  return { mapping, taskId: (await requestDclRebuild({ ctx })).id };
}
