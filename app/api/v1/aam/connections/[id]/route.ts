import { withTenant } from "@/lib/http/route";
import { deleteConnection, getConnection, updateConnection } from "@/lib/aam/connections";
import { ConnectionAnswer, ConnectionParams, UpdateConnectionInput } from "@/lib/aam/schemas";

/** One connection, secrets masked. */
export const GET = withTenant(async ({ ctx, params }) => ({ connection: await getConnection({ ctx, id: params.id }) }), {
  scope: "aam:read",
  params: ConnectionParams,
  response: ConnectionAnswer,
});

/** Config keys left out keep their stored values, so secrets need not be sent again. */
export const PATCH = withTenant(
  async ({ ctx, params, body }) => ({ connection: await updateConnection({ ctx, id: params.id, input: body }) }),
  {
    scope: "aam:write",
    params: ConnectionParams,
    body: UpdateConnectionInput,
    response: ConnectionAnswer,
  },
);

/** Deletes the connection with everything read from it and its uploaded files, and cancels its unfinished tasks (204). */
export const DELETE = withTenant(async ({ ctx, params }) => deleteConnection({ ctx, id: params.id }), {
  scope: "aam:write",
  params: ConnectionParams,
  status: 204,
  response: null,
});
