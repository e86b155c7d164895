import { withTenant } from "@/lib/http/route";
import { createConnection, listConnections } from "@/lib/aam/connections";
import { ConnectionAnswer, ConnectionPage, CreateConnectionInput, ListConnectionsQuery } from "@/lib/aam/schemas";

/** The workspace's connections, secrets masked: oldest first unless `sort` says otherwise. */
export const GET = withTenant(async ({ ctx, query }) => listConnections({ ctx, query }), {
  scope: "aam:read",
  query: ListConnectionsQuery,
  response: ConnectionPage,
});

/** Creates a connection (201); its config is checked against its type and stored encrypted. */
export const POST = withTenant(async ({ ctx, body }) => ({ connection: await createConnection({ ctx, input: body }) }), {
  scope: "aam:write",
  body: CreateConnectionInput,
  status: 201,
  idempotent: true,
  response: ConnectionAnswer,
});
