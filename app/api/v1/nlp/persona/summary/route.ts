import { withTenant } from "@/lib/http/route";
import { getLanguageModel } from "@/lib/llm/model";
import { PersonaSummary, PersonaSummaryQuery } from "@/lib/nlp/personas/schemas";
import { personaSummary } from "@/lib/nlp/personas/summary";

/** A persona's figures from the current views and records, the findings most at stake, and a narrative over them. */
export const GET = withTenant(
  async ({ ctx, query }) => personaSummary(ctx, query.persona, { asOf: query.asOf, model: getLanguageModel() }),
  { scope: "dcl:read", query: PersonaSummaryQuery, response: PersonaSummary },
);
