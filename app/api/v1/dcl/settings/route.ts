import { withTenant } from "@/lib/http/route";
import { DclSettingsInput, getDclSettings, updateDclSettings } from "@/lib/dcl/settings";

export const GET = withTenant(async ({ ctx }) => getDclSettings(ctx), { scope: "dcl:read" });
export const PATCH = withTenant(async ({ ctx, body }) => updateDclSettings({ ctx, input: body }), {
  scope: "settings:write",
  body: DclSettingsInput,
});
