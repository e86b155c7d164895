import { withTenant } from "@/lib/http/route";
import { suggestForTenant, SuggestInput } from "@/lib/dcl/mappings/suggest-for-tenant";

export const POST = withTenant(async ({ ctx, body }) => suggestForTenant({ ctx, input: body }), {
  scope: "llm:use",
  body: SuggestInput,
  rateLimit: "llm",
});
