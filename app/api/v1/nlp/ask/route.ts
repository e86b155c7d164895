import { env } from "@/lib/env";
import { withTenant } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { getLanguageModel } from "@/lib/llm/model";
import { answerQuestion, collectAnswer } from "@/lib/nlp/ask/answer";
import { getEmbedder } from "@/lib/nlp/kb/embed";
import { AskBody } from "@/lib/nlp/kb/schemas";

/** A model answer spends the tenant's LLM budget; the extractive one does not. */
function askBudget() {
  return env.llm ? ("llm" as const) : undefined;
}

/**
 * A persona-aware answer grounded in the knowledge base and the persona's figures. Streamed as
 * server-sent events (`grounding`, `text`..., `done`), or one JSON answer with `stream: false`.
 */
export const POST = withTenant(
  async ({ ctx, body, requestId }) => {
    const events = answerQuestion(
      ctx,
      { question: body.question, persona: body.persona },
      { embedder: getEmbedder(), model: getLanguageModel() },
    );
    if (!body.stream) return collectAnswer(events);
    return sseResponse(
      (async function* () {
        for await (const event of events) yield { event: event.type, data: event };
      })(),
      requestId,
      "The answer failed; try again",
    );
  },
  { scope: "kb:read", body: AskBody, rateLimit: askBudget },
);
