import { withTenant } from "@/lib/http/route";
import { createConnection, listConnections } from "@/lib/aam/connections";
import { CreateConnectionInput } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx }) => ({ connections: await listConnections({ ctx }) }), { scope: "aam:read" });

export const POST = withTenant(async ({ ctx, body }) => ({ connection: await createConnection({ ctx, input: body }) }), {
  scope: "aam:write",
  body: CreateConnectionInput,
  status: 201,
  idempotent: true,
});
