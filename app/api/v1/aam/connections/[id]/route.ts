import { withTenant } from "@/lib/http/route";
import { deleteConnection, getConnection, updateConnection } from "@/lib/aam/connections";
import { ConnectionParams, UpdateConnectionInput } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ connection: await getConnection({ ctx, id: params.id }) }), {
  scope: "aam:read",
  params: ConnectionParams,
});

/** Config keys left out keep their stored values, so secrets need not be sent again. */
export const PATCH = withTenant(
  async ({ ctx, params, body }) => ({ connection: await updateConnection({ ctx, id: params.id, input: body }) }),
  {
    scope: "aam:write",
    params: ConnectionParams,
    body: UpdateConnectionInput,
  },
);

export const DELETE = withTenant(
  async ({ ctx, params }) => {
    await deleteConnection({ ctx, id: params.id });
    return new Response(null, { status: 204 });
  },
  { scope: "aam:write", params: ConnectionParams },
);
