import { withTenant } from "@/lib/http/route";
import { rollBackDecision } from "@/lib/inbox/rollback";
import { InboxRollback, InboxRollbackResult } from "@/lib/inbox/schemas";

/** Rolls back a decision still in force (an applied repair, an approval) and rebuilds the views: 201 with the version now in force. */
export const POST = withTenant(async ({ ctx, body }) => rollBackDecision({ ctx, input: body }), {
  scope: "dcl:write",
  body: InboxRollback,
  status: 201,
  idempotent: true,
  response: InboxRollbackResult,
});
