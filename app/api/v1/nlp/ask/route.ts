import { env } from "@/lib/env";
import { withTenant } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { getLanguageModel } from "@/lib/llm/model";
import { answerQuestion, collectAnswer } from "@/lib/nlp/ask/answer";
import { AskAnswer, AskBody } from "@/lib/nlp/ask/schemas";
import { getEmbedder } from "@/lib/nlp/kb/embed";

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
  {
    scope: "kb:read",
    body: AskBody,
    rateLimit: askBudget,
    response: {
      mediaType: "text/event-stream",
      description:
        "By default, server-sent events, each `data` one JSON object: `grounding` first (`{ type, grounding, by }`: the persona, " +
        "support, citations and figures, as in AskAnswer), then `text` (`{ type, text }`) pieces of the answer to append, then " +
        "`done` (`{ type, answerable, by, note? }`). A failure after the first event ends the stream with `error` " +
        "(`{ message, requestId }`). With `stream: false`, one JSON AskAnswer instead.",
      json: AskAnswer,
    },
  },
);
