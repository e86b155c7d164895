import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidEnvironmentError, parseEnv } from "@/lib/env";
import { LlmError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import { generateStructured } from "@/lib/llm/generate-structured";
import { getLanguageModel } from "@/lib/llm/model";
import { fakeLlmScope, llmAnswer, mockLlm } from "../support/llm";

const Person = z.object({ name: z.string(), age: z.number().int() });
const ask = { purpose: "test.person", schema: Person, system: "Extract the person.", prompt: "Ada, 36" };

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe("generateStructured", () => {
  it("asks for JSON, returns the parsed object and records the call with its token usage", async () => {
    const { rows, scope } = fakeLlmScope();
    const model = mockLlm(llmAnswer('{"name":"Ada","age":36}'));
    await expect(generateStructured({ scope, model, ...ask })).resolves.toEqual({ name: "Ada", age: 36 });
    expect(model.languageModel.doGenerateCalls[0].responseFormat).toMatchObject({ type: "json", schema: { type: "object" } });
    expect(rows).toEqual([
      {
        tenantId: "00000000-0000-4000-8000-000000000001",
        provider: "mock",
        model: "mock-1",
        purpose: "test.person",
        inputTokens: 12,
        outputTokens: 7,
        latencyMs: expect.any(Number),
        error: null,
      },
    ]);
  });

  it("sends the model nothing unredacted: emails, phones, cards and keys in a prompt become placeholders", async () => {
    const { scope } = fakeLlmScope();
    const model = mockLlm(llmAnswer('{"name":"Ada","age":36}'));
    const prompt =
      "Ada (ada@lovelace.example, +44 20 7946 0958) paid with 4111 1111 1111 1111; key sk_live_4eC39HqLyjWDarjtT1zdp7dc. Age 36.";
    await generateStructured({ scope, model, ...ask, prompt });
    const sent = JSON.stringify(model.languageModel.doGenerateCalls[0]!.prompt);
    for (const secret of ["ada@lovelace.example", "7946 0958", "4111 1111 1111 1111", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"])
      expect(sent).not.toContain(secret);
    expect(sent).toContain("[EMAIL_1]");
    expect(sent).toContain("Age 36");
  });

  it.each([
    ["text that is not JSON", "Sure! Ada is 36."],
    ["JSON that does not match the schema", '{"name":"Ada","age":"thirty-six"}'],
  ])("fails with invalid_output on %s and still records the tokens spent", async (_case, text) => {
    const { rows, scope } = fakeLlmScope();
    const error = await failureOf(generateStructured({ scope, model: mockLlm(llmAnswer(text)), ...ask }));
    expect(error.kind).toBe("invalid_output");
    expect(rows).toEqual([expect.objectContaining({ error: "invalid_output", inputTokens: 12, outputTokens: 7 })]);
  });

  it("fails with provider_error when the model throws, and keeps the provider's message out of the HTTP answer", async () => {
    const { rows, scope } = fakeLlmScope();
    const model = mockLlm(async () => {
      throw new Error("upstream 500: quota exceeded for key sk-live-123");
    });
    const error = await failureOf(generateStructured({ scope, model, ...ask }));
    expect(error.kind).toBe("provider_error");
    expect(rows).toEqual([expect.objectContaining({ error: "provider_error", inputTokens: 0, outputTokens: 0 })]);

    const res = toErrorResponse(error, "req-1");
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(JSON.parse(body).error).toMatchObject({ code: "llm_error", details: { kind: "provider_error" } });
    expect(body).not.toMatch(/quota|sk-live|upstream/);
  });

  it("gives up with timeout when the model never answers, even if it ignores the abort signal", async () => {
    const { rows, scope } = fakeLlmScope();
    const model = mockLlm(() => new Promise(() => {}));
    const started = Date.now();
    const error = await failureOf(generateStructured({ scope, model, ...ask, timeoutMs: 50 }));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(rows).toEqual([expect.objectContaining({ error: "timeout" })]);
    expect(rows[0].latencyMs).toBeGreaterThanOrEqual(40);
    expect(model.languageModel.doGenerateCalls[0].abortSignal?.aborted).toBe(true);
  });

  it("returns the answer when the usage record cannot be written", async () => {
    const { scope } = fakeLlmScope({ failing: true });
    await expect(generateStructured({ scope, model: mockLlm(llmAnswer('{"name":"Ada","age":36}')), ...ask })).resolves.toEqual({
      name: "Ada",
      age: 36,
    });
  });
});

describe("LLM configuration", () => {
  it("is off without a key, so the product runs without one", () => {
    expect(parseEnv({}).llm).toBeNull();
    expect(getLanguageModel(null)).toBeNull();
  });

  it("picks the provider whose key is set, OpenAI first, with a default model and timeout", () => {
    expect(parseEnv({ OPENAI_API_KEY: "sk-a" }).llm).toEqual({
      provider: "openai",
      model: "gpt-4o-mini",
      apiKey: "sk-a",
      timeoutMs: 20_000,
    });
    expect(parseEnv({ GOOGLE_GENERATIVE_AI_API_KEY: "g-b" }).llm).toMatchObject({
      provider: "google",
      model: "gemini-2.0-flash",
      apiKey: "g-b",
    });
    expect(parseEnv({ OPENAI_API_KEY: "sk-a", GOOGLE_GENERATIVE_AI_API_KEY: "g-b" }).llm?.provider).toBe("openai");
    expect(
      parseEnv({
        OPENAI_API_KEY: "sk-a",
        GOOGLE_GENERATIVE_AI_API_KEY: "g-b",
        AOS_LLM_PROVIDER: "google",
        AOS_LLM_MODEL: "gemini-2.5-pro",
        AOS_LLM_TIMEOUT_MS: "5000",
      }).llm,
    ).toEqual({
      provider: "google",
      model: "gemini-2.5-pro",
      apiKey: "g-b",
      timeoutMs: 5_000,
    });
  });

  it("rejects a chosen provider without its key, and an unknown provider", () => {
    expect(() => parseEnv({ OPENAI_API_KEY: "sk-a", AOS_LLM_PROVIDER: "google" })).toThrow(/GOOGLE_GENERATIVE_AI_API_KEY/);
    expect(() => parseEnv({ AOS_LLM_PROVIDER: "openai" })).toThrow(/OPENAI_API_KEY/);
    expect(() => parseEnv({ OPENAI_API_KEY: "sk-a", AOS_LLM_PROVIDER: "anthropic" })).toThrow(InvalidEnvironmentError);
  });

  it("builds the configured provider's model without calling it", () => {
    expect(getLanguageModel(parseEnv({ OPENAI_API_KEY: "sk-a" }).llm)).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      languageModel: { modelId: "gpt-4o-mini" },
    });
    expect(getLanguageModel(parseEnv({ GOOGLE_GENERATIVE_AI_API_KEY: "g-b" }).llm)).toMatchObject({
      provider: "google",
      languageModel: { modelId: "gemini-2.0-flash" },
    });
  });
});

describe("what is logged about a failed call", () => {
  it("keeps the error's class and HTTP status, never the provider's message", async () => {
    const { APICallError } = await import("ai");
    const { describeFailure } = await import("@/lib/llm/generate-structured");
    const error = new APICallError({
      message: "Incorrect API key provided: sk-proj-****abcd",
      url: "https://api.example/v1",
      requestBodyValues: { prompt: "secret" },
      statusCode: 401,
    });
    expect(describeFailure(error)).toEqual({ errorName: "AI_APICallError", statusCode: 401 });
    expect(describeFailure(new Error("quota exceeded for key sk-live-123"))).toEqual({ errorName: "Error" });
  });
});
