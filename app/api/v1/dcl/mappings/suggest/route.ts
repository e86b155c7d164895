import { withTenant } from "@/lib/http/route";
import { suggestForTenant, SuggestInput } from "@/lib/dcl/mappings/suggest-for-tenant";
import { MappingSuggestion } from "@/lib/dcl/mappings/schemas";

/** Proposes a mapping of a source table onto the tenant's ontology (or the one given), the same answer `aos map` prints. Nothing is stored. */
export const POST = withTenant(async ({ ctx, body }) => suggestForTenant({ ctx, input: body }), {
  scope: "llm:use",
  body: SuggestInput,
  rateLimit: "llm",
  response: MappingSuggestion,
});
