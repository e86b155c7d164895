import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { LlmModel } from "@/lib/llm/model";
import type { Embedder } from "@/lib/nlp/kb/embed";
import { contactNames, namesIn } from "@/lib/nlp/kb/known-names";
import type { PersonaId } from "@/lib/nlp/personas/registry";
import { redact } from "@/lib/nlp/redact";
import { extractiveAnswer } from "./extractive";
import { groundQuestion } from "./ground";
import { streamLlmAnswer } from "./llm-answer";
import type { AnswerEvent, AskAnswer, Grounding } from "./schemas";

type AskInput = { question: string; persona?: PersonaId; asOf?: Date };
type AskDeps = { embedder: Embedder; model: LlmModel | null };

/**
 * Answers a question from the tenant's knowledge base and figures: first what the answer is based
 * on, then its text (the model's, streamed, or without a model or when it fails first, the
 * extractive answer), then whether the data answered it. The question is redacted before it is
 * searched or sent anywhere; it is not stored.
 */
export async function* answerQuestion(scope: TenantScope, input: AskInput, { embedder, model }: AskDeps): AsyncGenerator<AnswerEvent> {
  const question = redact(input.question, { knownNames: namesIn(input.question, await contactNames(scope)) }).text;
  const grounding = await groundQuestion(scope, { ...input, question }, embedder);
  const answerable = grounding.support !== "none";
  if (model && answerable) {
    const stream = streamLlmAnswer(scope, model, question, grounding);
    let first: IteratorResult<string, { complete: boolean }> | null = null;
    try {
      first = await stream.next();
    } catch {
      first = null;
    }
    if (first) {
      yield { type: "grounding", grounding, by: "llm" };
      let step = first;
      while (!step.done) {
        yield { type: "text", text: step.value };
        step = await stream.next();
      }
      yield {
        type: "done",
        answerable,
        by: "llm",
        ...(step.value.complete ? {} : { note: "The language model stopped early; the answer may be incomplete" }),
      };
      return;
    }
    yield* extractive(question, grounding, "The language model is unavailable; this answer quotes the sources");
    return;
  }
  yield* extractive(question, grounding);
}

function* extractive(question: string, grounding: Grounding, note?: string): Generator<AnswerEvent> {
  yield { type: "grounding", grounding, by: "extractive" };
  const lines = extractiveAnswer(question, grounding);
  for (const [i, line] of lines.entries()) yield { type: "text", text: i === 0 ? line : `\n${line}` };
  yield { type: "done", answerable: grounding.support !== "none", by: "extractive", ...(note && { note }) };
}

/** The whole answer at once (for `stream: false`). */
export async function collectAnswer(events: AsyncIterable<AnswerEvent>): Promise<AskAnswer> {
  let grounding: Grounding | null = null;
  let text = "";
  let end: Extract<AnswerEvent, { type: "done" }> | null = null;
  for await (const event of events) {
    if (event.type === "grounding") grounding = event.grounding;
    else if (event.type === "text") text += event.text;
    else end = event;
  }
  return { ...grounding!, answer: text, by: end!.by, answerable: end!.answerable, ...(end!.note && { note: end!.note }) };
}
