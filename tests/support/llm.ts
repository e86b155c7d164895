import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LlmModel } from "@/lib/llm/model";
import type { LlmCallRecord } from "@/lib/llm/telemetry";

export type DoGenerate = ConstructorParameters<typeof MockLanguageModelV4>[0] extends infer O
  ? O extends { doGenerate?: infer D }
    ? D
    : never
  : never;

/** A model's answer: `value` as text (JSON-encoded unless already a string), with the given token usage. */
export function llmAnswer(value: unknown, usage = { input: 12, output: 7 }) {
  return {
    content: [{ type: "text" as const, text: typeof value === "string" ? value : JSON.stringify(value) }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: {
      inputTokens: { total: usage.input, noCache: usage.input, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: usage.output, text: usage.output, reasoning: undefined },
    },
    warnings: [],
  };
}

/** An LlmModel over the AI SDK's mock: a fixed answer, or a function (to throw, hang, or inspect the call). */
export function mockLlm(doGenerate: DoGenerate): LlmModel & { languageModel: MockLanguageModelV4 } {
  return { provider: "mock", model: "mock-1", languageModel: new MockLanguageModelV4({ provider: "mock", modelId: "mock-1", doGenerate }) };
}

/** A tenant scope whose database only keeps the LlmCall rows written (or fails every write). */
export function fakeLlmScope({ failing = false, tenantId = "00000000-0000-4000-8000-000000000001" } = {}) {
  const rows: LlmCallRecord[] = [];
  const create = async ({ data }: { data: LlmCallRecord }) => {
    if (failing) throw new Error("database is down");
    rows.push(data);
    return data;
  };
  return { rows, scope: { tenantId, db: { llmCall: { create } } as unknown as PrismaClient } };
}

/** A streaming LlmModel over the AI SDK's mock: it answers `parts` as text deltas, or throws `fail` before any. */
export function mockStreamingLlm(parts: string[], { fail }: { fail?: Error } = {}) {
  const languageModel = new MockLanguageModelV4({
    provider: "mock",
    modelId: "mock-1",
    doStream: async () => {
      if (fail) throw fail;
      return {
        stream: simulateReadableStream({
          chunks: [
            { type: "text-start" as const, id: "t" },
            ...parts.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
            { type: "text-end" as const, id: "t" },
            { type: "finish" as const, finishReason: { unified: "stop" as const, raw: "stop" }, usage: llmAnswer("").usage },
          ],
        }),
      };
    },
  });
  return { provider: "mock", model: "mock-1", languageModel } satisfies LlmModel;
}
