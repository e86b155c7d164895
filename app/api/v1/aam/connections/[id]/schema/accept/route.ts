import { z } from "zod";
import { withTenant } from "@/lib/http/route";
import { acceptSchemaChanges } from "@/lib/aam/drift/review";
import { ConnectionParams } from "@/lib/aam/schemas";

const AcceptInput = z.object({ stream: z.string().min(1).max(1000).optional() }).default({});

/** Accepts the schema changes waiting for approval (one stream or all); a policy pause ends. */
export const POST = withTenant(
  async ({ ctx, params, body }) => acceptSchemaChanges({ ctx, connectionId: params.id, stream: body.stream }),
  {
    scope: "aam:write",
    params: ConnectionParams,
    body: AcceptInput,
  },
);
