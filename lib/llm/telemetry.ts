import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { LlmErrorKind } from "@/lib/errors";
import type { LlmUsage, LlmUsageQuery } from "@/lib/llm/schemas";
import { log } from "@/lib/log";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One model call. `error` is the failure's kind only, never a provider message or any prompt text. */
export type LlmCallRecord = {
  tenantId: string;
  provider: string;
  model: string;
  purpose: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  error: LlmErrorKind | null;
};

/** Best effort: a failed write is logged and never reaches the caller, whose LLM work already happened. */
export async function recordLlmCall(db: Pick<PrismaClient, "llmCall">, row: LlmCallRecord): Promise<void> {
  try {
    await db.llmCall.create({ data: row });
  } catch (error) {
    log.warn("llm call not recorded", { tenantId: row.tenantId, purpose: row.purpose, error });
  }
}

const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Calls, errors, tokens and latency per provider and model, for the tenant. Defaults to the last 30 days. */
export async function summarizeLlmUsage({ ctx, input }: { ctx: TenantScope; input: LlmUsageQuery }): Promise<LlmUsage> {
  const until = input.until ?? new Date();
  const since = input.since ?? new Date(until.getTime() - DEFAULT_WINDOW_MS);
  const groups = await ctx.db.llmCall.groupBy({
    by: ["provider", "model"],
    where: { tenantId: ctx.tenantId, createdAt: { gte: since, lte: until } },
    // `_count.error` counts non-null errors, i.e. failed calls.
    _count: { _all: true, error: true },
    _sum: { inputTokens: true, outputTokens: true },
    _avg: { latencyMs: true },
    _max: { latencyMs: true },
    orderBy: [{ provider: "asc" }, { model: "asc" }],
  });
  const models = groups.map((g) => ({
    provider: g.provider,
    model: g.model,
    calls: g._count._all,
    errors: g._count.error,
    inputTokens: g._sum.inputTokens ?? 0,
    outputTokens: g._sum.outputTokens ?? 0,
    avgLatencyMs: Math.round(g._avg.latencyMs ?? 0),
    maxLatencyMs: g._max.latencyMs ?? 0,
  }));
  const totals = models.reduce(
    (t, m) => ({
      calls: t.calls + m.calls,
      errors: t.errors + m.errors,
      inputTokens: t.inputTokens + m.inputTokens,
      outputTokens: t.outputTokens + m.outputTokens,
    }),
    { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0 },
  );
  return { since, until, totals, models };
}
