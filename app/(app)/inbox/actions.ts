"use server";

import type { z } from "zod";
import { decideInboxItems } from "@/lib/inbox/decide";
import { rollBackDecision } from "@/lib/inbox/rollback";
import { InboxDecisions, InboxRollback } from "@/lib/inbox/schemas";
import { tenantAction } from "../action-client";

// Each action answers only what its UI needs: per-item results, the new target, the queued task ids.
const decide = tenantAction(InboxDecisions, "dcl:write", async ({ ctx, input }) => decideInboxItems({ ctx, input }));
const rollback = tenantAction(InboxRollback, "dcl:write", async ({ ctx, input }) => {
  const { mapping, taskId } = await rollBackDecision({ ctx, input });
  return { target: mapping.target, taskIds: [taskId] };
});

export async function decideInboxAction(input: z.input<typeof InboxDecisions>) {
  return decide(input);
}

export async function rollbackDecisionAction(input: z.input<typeof InboxRollback>) {
  return rollback(input);
}
