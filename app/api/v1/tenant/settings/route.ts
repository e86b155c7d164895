import { withTenant } from "@/lib/http/route";
import { getTenantSettings, TenantSettingsInput, updateTenantSettings } from "@/lib/tenancy/settings";

export const GET = withTenant(async ({ ctx }) => getTenantSettings({ ctx }), { scope: "tenant:read" });

export const PUT = withTenant(async ({ ctx, body }) => updateTenantSettings({ ctx, input: body }), {
  scope: "settings:write",
  body: TenantSettingsInput,
});
