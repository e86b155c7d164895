import { withTenant } from "@/lib/http/route";
import { getLanguageModel } from "@/lib/llm/model";
import { PersonaSummaryQuery } from "@/lib/nlp/personas/schemas";
import { personaSummary } from "@/lib/nlp/personas/summary";

export const GET = withTenant(
  async ({ ctx, query }) => personaSummary(ctx, query.persona, { asOf: query.asOf, model: getLanguageModel() }),
  { scope: "dcl:read", query: PersonaSummaryQuery },
);
