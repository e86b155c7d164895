import { withTenant } from "@/lib/http/route";
import { LlmUsage, LlmUsageQuery } from "@/lib/llm/schemas";
import { summarizeLlmUsage } from "@/lib/llm/telemetry";

/** The tenant's language-model calls, errors, tokens and latency per provider and model, over a window (the last 30 days by default). */
export const GET = withTenant(async ({ ctx, query }) => summarizeLlmUsage({ ctx, input: query }), {
  scope: "tenant:read",
  query: LlmUsageQuery,
  response: LlmUsage,
});
