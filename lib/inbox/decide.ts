import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { decideSchemaChange } from "@/lib/aam/drift/review";
import { decideMapping } from "@/lib/dcl/mappings/decisions";
import { requestDclRebuild } from "@/lib/dcl/request-rebuild";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { publishTenantEvent } from "@/lib/events/publish";
import { createTask } from "@/lib/tasks/tasks";
import type { DecisionResult, InboxDecision, InboxDecisionResults, InboxDecisions } from "./schemas";

export type { DecisionResult } from "./schemas";

/**
 * Decides a selection of inbox items, each on its own (one that cannot be decided, e.g. decided
 * meanwhile, is answered with its reason and does not stop the others). Then the views catch up:
 * a schema change accepted runs the repair agent on its connection (which rebuilds the views), and
 * a mapping decided queues a rebuild.
 */
export async function decideInboxItems({ ctx, input }: { ctx: TenantContext; input: InboxDecisions }): Promise<InboxDecisionResults> {
  const results: DecisionResult[] = [];
  const repairConnections = new Set<string>();
  let mappingsChanged = false;
  for (const d of input.decisions) {
    try {
      if (d.kind === "schema") {
        const outcome = await decideSchemaChange({
          ctx,
          id: d.id,
          decision: d.decision === "approve" ? "accept" : "reject",
          reason: d.reason,
        });
        if (outcome.streamSettled) repairConnections.add(outcome.connectionId);
        results.push({ id: d.id, kind: d.kind, ok: true, status: d.decision === "approve" ? "accepted" : "rejected" });
      } else {
        await assertWaiting(ctx, d);
        await decideMapping({ ctx, id: d.id, input: { decision: d.decision, target: d.target, reason: d.reason } });
        mappingsChanged = true;
        // The decision itself (an approval, corrected or not, is in force), not the "no mapping" version a rejected flag also writes.
        results.push({ id: d.id, kind: d.kind, ok: true, status: d.decision === "approve" ? "approved" : "rejected" });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id: d.id, kind: d.kind, ok: false, error: error.message });
    }
  }
  const decided = results.filter((r) => r.ok).length;
  if (decided > 0) await publishTenantEvent(ctx, "inbox.changed", { decided });
  const taskIds: string[] = [];
  for (const connectionId of repairConnections)
    taskIds.push((await createTask({ ctx, input: { type: "drift.repair", input: { connectionId } } })).task.id);
  if (mappingsChanged && repairConnections.size === 0) taskIds.push((await requestDclRebuild({ ctx })).id);
  return { results, taskIds };
}

/** Only what waits is decided here, as the kind the inbox listed it under (a repair as a repair). */
async function assertWaiting(ctx: TenantContext, d: InboxDecision) {
  const row = await ctx.db.mappingRegistry.findFirst({
    where: { id: d.id, tenantId: ctx.tenantId },
    select: { method: true, status: true },
  });
  if (!row || (row.method === "repair") !== (d.kind === "repair")) throw new NotFoundError(d.kind);
  if (row.status !== "proposed") throw new ConflictError(`this ${d.kind} is already ${row.status}`);
}
