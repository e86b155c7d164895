import "server-only";
import { streamText } from "ai";
import type { TenantScope } from "@/lib/auth/context";
import { DEFAULT_LLM_TIMEOUT_MS, env } from "@/lib/env";
import { describeFailure } from "@/lib/llm/generate-structured";
import type { LlmModel } from "@/lib/llm/model";
import { recordLlmCall } from "@/lib/llm/telemetry";
import { log } from "@/lib/log";
import { redact } from "@/lib/nlp/redact";
import { answerPrompt, answerSystem } from "./prompt";
import type { Grounding } from "./schemas";

/**
 * The model's answer as it streams. The prompt is redacted once more as a whole (the last gate
 * before a provider); the call is recorded for the tenant with its tokens, or its failure's kind.
 * Throws when the model fails before its first word; a failure later ends the text early.
 */
export async function* streamLlmAnswer(
  scope: TenantScope,
  model: LlmModel,
  question: string,
  grounding: Grounding,
): AsyncGenerator<string, { complete: boolean }> {
  const started = performance.now();
  const signal = AbortSignal.timeout(env.llm?.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS);
  let failure: unknown = null;
  const result = streamText({
    model: model.languageModel,
    system: answerSystem(grounding),
    prompt: redact(answerPrompt(question, grounding)).text,
    abortSignal: signal,
    onError: ({ error }) => {
      failure = error;
    },
  });
  let wrote = false;
  try {
    for await (const text of result.textStream) {
      wrote = true;
      yield text;
    }
    if (failure) throw failure;
  } catch (error) {
    await recordLlmCall(scope.db, {
      tenantId: scope.tenantId,
      provider: model.provider,
      model: model.model,
      purpose: "nlp.ask",
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: Math.round(performance.now() - started),
      error: signal.aborted ? "timeout" : "provider_error",
    });
    log.warn("llm answer failed", { tenantId: scope.tenantId, purpose: "nlp.ask", ...describeFailure(error) });
    if (!wrote) throw error;
    return { complete: false };
  }
  const usage = await result.totalUsage;
  await recordLlmCall(scope.db, {
    tenantId: scope.tenantId,
    provider: model.provider,
    model: model.model,
    purpose: "nlp.ask",
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
    latencyMs: Math.round(performance.now() - started),
    error: null,
  });
  return { complete: true };
}
