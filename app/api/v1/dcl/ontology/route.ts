import { withTenant } from "@/lib/http/route";
import { getTenantOntology, OntologyExtension, updateOntologyExtension } from "@/lib/dcl/ontology/tenant-ontology";

export const GET = withTenant(async ({ ctx }) => getTenantOntology(ctx), { scope: "dcl:read" });

/** Replaces the tenant's custom entities and fields; the built-in ones cannot change. */
export const PUT = withTenant(async ({ ctx, body }) => updateOntologyExtension({ ctx, input: body }), {
  scope: "settings:write",
  body: OntologyExtension,
});
