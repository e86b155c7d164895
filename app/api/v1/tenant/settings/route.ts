import { withTenant } from "@/lib/http/route";
import { getTenantSettings, TenantSettings, TenantSettingsInput, updateTenantSettings } from "@/lib/tenancy/settings";

/** The tenant's settings; the Slack webhook URL is a secret, so only whether one is set. */
export const GET = withTenant(async ({ ctx }) => getTenantSettings({ ctx }), { scope: "tenant:read", response: TenantSettings });

/** Sets (or, with null, removes) the Slack incoming webhook that hears about failed tasks and schema changes waiting for approval. */
export const PUT = withTenant(async ({ ctx, body }) => updateTenantSettings({ ctx, input: body }), {
  scope: "settings:write",
  body: TenantSettingsInput,
  response: TenantSettings,
});
