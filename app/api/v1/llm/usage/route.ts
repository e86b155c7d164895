import { withTenant } from "@/lib/http/route";
import { LlmUsageQuery, summarizeLlmUsage } from "@/lib/llm/telemetry";

export const GET = withTenant(async ({ ctx, query }) => summarizeLlmUsage({ ctx, input: query }), {
  scope: "tenant:read",
  query: LlmUsageQuery,
});
