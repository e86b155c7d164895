import { withTenant } from "@/lib/http/route";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys/manage";
import { ApiKeyPage, CreateApiKeyInput, CreatedApiKey, ListApiKeysQuery } from "@/lib/auth/api-keys/schemas";

/** The tenant's API keys, newest first (prefixes, never the keys). */
export const GET = withTenant(async ({ ctx, query }) => listApiKeys({ ctx, query }), {
  scope: "settings:write",
  query: ListApiKeysQuery,
  response: ApiKeyPage,
});

/** Creates a key: 201 with `key`, the only time it is shown. */
export const POST = withTenant(async ({ ctx, body }) => createApiKey({ ctx, input: body }), {
  scope: "settings:write",
  body: CreateApiKeyInput,
  status: 201,
  response: CreatedApiKey,
});
