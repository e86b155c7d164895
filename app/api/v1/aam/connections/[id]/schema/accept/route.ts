import { withTenant } from "@/lib/http/route";
import { acceptSchemaChanges } from "@/lib/aam/drift/review";
import { AcceptSchemaAnswer, AcceptSchemaInput, ConnectionParams } from "@/lib/aam/schemas";

/** Accepts the schema changes waiting for approval (one stream or all); a policy pause ends. */
export const POST = withTenant(
  async ({ ctx, params, body }) => acceptSchemaChanges({ ctx, connectionId: params.id, stream: body.stream }),
  {
    scope: "aam:write",
    params: ConnectionParams,
    body: AcceptSchemaInput,
    response: AcceptSchemaAnswer,
  },
);
