import "server-only";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, type EmbeddingModel } from "ai";
import { env, type Env } from "@/lib/env";
import { embedLocally, LOCAL_EMBEDDING } from "./local";

/** Every embedding has this many dimensions (the column is vector(256)); providers are asked for it. */
export const EMBEDDING_DIMENSIONS = LOCAL_EMBEDDING.dimensions;

/** Turns texts into unit vectors. `id` names the model: vectors of different models are never compared. */
export type Embedder = { id: string; embed(texts: string[]): Promise<number[][]> };

const PROVIDER_MODELS = { openai: "text-embedding-3-small", google: "gemini-embedding-001" } as const;

/** The offline embedder (lib/nlp/kb/embed/local.ts). */
export const localEmbedder: Embedder = { id: LOCAL_EMBEDDING.id, embed: async (texts) => texts.map((t) => embedLocally(t)) };

/** The configured provider's embedding model through the AI SDK, or the local one without a key. */
export function getEmbedder(config: Env["llm"] = env.llm): Embedder {
  if (!config) return localEmbedder;
  const modelId = PROVIDER_MODELS[config.provider];
  const model =
    config.provider === "openai"
      ? createOpenAI({ apiKey: config.apiKey }).embeddingModel(modelId)
      : createGoogleGenerativeAI({ apiKey: config.apiKey }).embeddingModel(modelId);
  return modelEmbedder(`${config.provider}:${modelId}@${EMBEDDING_DIMENSIONS}`, model);
}

/** An embedder over any AI SDK embedding model (tests pass the SDK's mock). Vectors come back L2-normalised. */
export function modelEmbedder(id: string, model: EmbeddingModel): Embedder {
  return {
    id,
    async embed(texts) {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({
        model,
        values: texts,
        dimensions: EMBEDDING_DIMENSIONS,
        maxParallelCalls: 2,
        abortSignal: AbortSignal.timeout(env.llm?.timeoutMs ?? 20_000),
      });
      return embeddings.map((v) => {
        if (v.length !== EMBEDDING_DIMENSIONS)
          throw new Error(`The embedding model answered ${v.length} dimensions, not ${EMBEDDING_DIMENSIONS}`);
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}
