import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { summarizeLlmUsage } from "@/lib/llm/telemetry";
import { fillDays, windowStart, type DayPoint } from "./days";

export type LlmKpi = {
  /** A model is configured (a key is set); without one, the platform answers from templates. */
  configured: boolean;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  /** Tokens (input and output) per UTC day. */
  daily: DayPoint<"tokens" | "calls">[];
};

/** Language-model calls and tokens over the window, from the call log (lib/llm/telemetry.ts). */
export async function llmKpi(ctx: TenantContext, now: Date, days: number): Promise<LlmKpi> {
  const since = windowStart(now, days);
  const [usage, byDay] = await Promise.all([
    summarizeLlmUsage({ ctx, input: { since, until: now } }),
    ctx.db.$queryRaw<{ day: string; tokens: number; calls: number }[]>`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, (sum(input_tokens) + sum(output_tokens))::float8 AS tokens, count(*)::int AS calls
        FROM llm_calls
       WHERE tenant_id = ${ctx.tenantId}::uuid AND created_at >= ${since.toISOString()}::timestamptz
       GROUP BY 1`,
  ]);
  return { configured: env.llm !== null, ...usage.totals, daily: fillDays(byDay, ["tokens", "calls"] as const, now, days) };
}
