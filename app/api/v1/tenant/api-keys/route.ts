import { withTenant } from "@/lib/http/route";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys/manage";
import { CreateApiKeyInput } from "@/lib/auth/api-keys/schemas";

/** The tenant's API keys (prefixes, never the keys). */
export const GET = withTenant(async ({ ctx }) => ({ apiKeys: await listApiKeys({ ctx }) }), { scope: "settings:write" });

/** Creates a key: 201 with `key`, the only time it is shown. */
export const POST = withTenant(async ({ ctx, body }) => createApiKey({ ctx, input: body }), { scope: "settings:write", body: CreateApiKeyInput, status: 201 });
