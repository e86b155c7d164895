import "server-only";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { env, type Env } from "@/lib/env";

/** A model ready to call, with the names recorded in LLM telemetry. Tests pass one built on a mock. */
export type LlmModel = { provider: string; model: string; languageModel: LanguageModel };

export type LlmConfig = NonNullable<Env["llm"]>;

/** The configured model, or null when no key is set: callers then take their deterministic path. */
export function getLanguageModel(config: LlmConfig | null = env.llm): LlmModel | null {
  if (!config) return null;
  const languageModel =
    config.provider === "openai"
      ? createOpenAI({ apiKey: config.apiKey })(config.model)
      : createGoogleGenerativeAI({ apiKey: config.apiKey })(config.model);
  return { provider: config.provider, model: config.model, languageModel };
}
