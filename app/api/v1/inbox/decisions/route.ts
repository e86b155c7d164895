import { withTenant } from "@/lib/http/route";
import { decideInboxItems } from "@/lib/inbox/decide";
import { InboxDecisionResults, InboxDecisions } from "@/lib/inbox/schemas";

/** Approves (optionally onto another target) or rejects a selection of inbox items, each on its own. */
export const POST = withTenant(async ({ ctx, body }) => decideInboxItems({ ctx, input: body }), {
  scope: "dcl:write",
  body: InboxDecisions,
  idempotent: true,
  response: InboxDecisionResults,
});
