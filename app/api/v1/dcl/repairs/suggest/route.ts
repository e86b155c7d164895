import { withTenant } from "@/lib/http/route";
import { suggestRepairsForTenant } from "@/lib/dcl/repair/for-tenant";
import { DriftInput, RepairSuggestions } from "@/lib/dcl/repair/types";

/** The repair agent on one table's schema change (the `aos repair` input), against the tenant's ontology. Nothing is applied. */
export const POST = withTenant(async ({ ctx, body }) => suggestRepairsForTenant(ctx, body), {
  scope: "dcl:read",
  body: DriftInput,
  rateLimit: "probe",
  response: RepairSuggestions,
});
