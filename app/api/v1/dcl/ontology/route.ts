import { withTenant } from "@/lib/http/route";
import { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { getTenantOntology, OntologyExtension, updateOntologyExtension } from "@/lib/dcl/ontology/tenant-ontology";

/** The ontology the tenant maps onto: the built-in one with its custom entities and fields. */
export const GET = withTenant(async ({ ctx }) => getTenantOntology(ctx), { scope: "dcl:read", response: OntologyDefinition });

/** Replaces the tenant's custom entities and fields; the built-in ones cannot change. Answers the ontology now in force. */
export const PUT = withTenant(async ({ ctx, body }) => updateOntologyExtension({ ctx, input: body }), {
  scope: "settings:write",
  body: OntologyExtension,
  response: OntologyDefinition,
});
