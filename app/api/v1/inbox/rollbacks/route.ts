import { withTenant } from "@/lib/http/route";
import { rollBackDecision } from "@/lib/inbox/rollback";
import { InboxRollback } from "@/lib/inbox/schemas";

/** Rolls back a decision still in force (an applied repair, an approval) and rebuilds the views. */
export const POST = withTenant(async ({ ctx, body }) => rollBackDecision({ ctx, input: body }), {
  scope: "dcl:write",
  body: InboxRollback,
  status: 201,
  idempotent: true,
});
