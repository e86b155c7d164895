import { withTenant } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/auth/api-keys/manage";
import { ApiKeyParams } from "@/lib/auth/api-keys/schemas";

/** Revokes a key of the caller's tenant: it stops working at once (204). */
export const DELETE = withTenant(async ({ ctx, params }) => revokeApiKey({ ctx, id: params.id }), {
  scope: "settings:write",
  params: ApiKeyParams,
  status: 204,
  response: null,
});
