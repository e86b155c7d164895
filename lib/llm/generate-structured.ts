import "server-only";
import {
  APICallError,
  generateText,
  JSONParseError,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  TypeValidationError,
  type LanguageModelUsage,
} from "ai";
import type { z } from "zod";
import type { TenantScope } from "@/lib/auth/context";
import { DEFAULT_LLM_TIMEOUT_MS, env } from "@/lib/env";
import { LlmError, type LlmErrorKind } from "@/lib/errors";
import { log } from "@/lib/log";
import type { LlmModel } from "@/lib/llm/model";
import { recordLlmCall } from "@/lib/llm/telemetry";
import { redact } from "@/lib/nlp/redact";

type GenerateStructuredOptions<T> = {
  scope: TenantScope;
  model: LlmModel;
  /** What the call is for, recorded with it (e.g. "dcl.map"). */
  purpose: string;
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  /** Defaults to AOS_LLM_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Told the tokens the call spent (it is also recorded for the tenant). */
  onUsage?: (usage: { inputTokens: number; outputTokens: number }) => void;
};

/**
 * One model call whose answer must match `schema`. The prompt is PII-redacted first (lib/nlp/redact).
 * Every call, successful or not, is recorded for the tenant. Throws LlmError ("timeout", "invalid_output" or "provider_error"); details go to the log only.
 */
export async function generateStructured<T>({
  scope,
  model,
  purpose,
  schema,
  system,
  prompt,
  timeoutMs = env.llm?.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
  onUsage,
}: GenerateStructuredOptions<T>): Promise<T> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const record = (spent: LanguageModelUsage | undefined, error: LlmErrorKind | null) =>
    recordLlmCall(scope.db, {
      tenantId: scope.tenantId,
      provider: model.provider,
      model: model.model,
      purpose,
      inputTokens: spent?.inputTokens ?? 0,
      outputTokens: spent?.outputTokens ?? 0,
      latencyMs: Math.round(performance.now() - started),
      error,
    });

  let usage: LanguageModelUsage | undefined;
  try {
    // The last gate before a provider: whatever a caller put in the prompt, no PII leaves redacted.
    const redacted = redact(prompt);
    if (redacted.spans.length > 0) log.info("llm prompt redacted", { tenantId: scope.tenantId, purpose, counts: redacted.counts });
    const result = await untilAborted(
      generateText({ model: model.languageModel, system, prompt: redacted.text, output: Output.object({ schema }), abortSignal: signal }),
      signal,
    );
    usage = result.totalUsage;
    const output = result.output;
    onUsage?.({ inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 });
    await record(usage, null);
    return output;
  } catch (error) {
    const kind: LlmErrorKind = signal.aborted ? "timeout" : isInvalidOutput(error) ? "invalid_output" : "provider_error";
    await record(usage ?? (NoObjectGeneratedError.isInstance(error) ? error.usage : undefined), kind);
    log.warn("llm call failed", {
      tenantId: scope.tenantId,
      provider: model.provider,
      model: model.model,
      purpose,
      kind,
      ...describeFailure(error),
    });
    throw new LlmError(kind);
  }
}

/**
 * What may be logged about a failed call: the error's class and the HTTP status. Provider messages
 * can echo keys (masked or not) and request content, so they are never logged.
 */
export function describeFailure(error: unknown): { errorName: string; statusCode?: number } {
  const errorName = error instanceof Error ? error.name : typeof error;
  return APICallError.isInstance(error) && error.statusCode !== undefined ? { errorName, statusCode: error.statusCode } : { errorName };
}

function isInvalidOutput(error: unknown): boolean {
  return (
    NoObjectGeneratedError.isInstance(error) ||
    NoOutputGeneratedError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    JSONParseError.isInstance(error)
  );
}

/** Rejects when the signal fires, even if the provider ignores it. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
