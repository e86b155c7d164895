import { withTenant } from "@/lib/http/route";
import { DclSettings, DclSettingsInput, getDclSettings, updateDclSettings } from "@/lib/dcl/settings";

/** The tenant's DCL thresholds: auto-approving mapping proposals, and applying or reviewing repairs. */
export const GET = withTenant(async ({ ctx }) => getDclSettings(ctx), { scope: "dcl:read", response: DclSettings });

/** Changes the thresholds named; answers them all. */
export const PATCH = withTenant(async ({ ctx, body }) => updateDclSettings({ ctx, input: body }), {
  scope: "settings:write",
  body: DclSettingsInput,
  response: DclSettings,
});
