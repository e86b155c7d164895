"use client";

import { useState, type FormEvent } from "react";
import { BADGE } from "@/components/agents/tone";
import { CONTROL, MUTED, SURFACE } from "@/components/ui/tone";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import { ApiError, api, unwrap } from "@/lib/api/client";
import type { AnswerEvent, Grounding } from "@/lib/nlp/ask/types";
import type { PersonaId } from "@/lib/nlp/personas/registry";
import { figureLine } from "@/lib/nlp/personas/format";
import { readEvents } from "./read-events";

type Answer = {
  grounding: Grounding | null;
  by: "llm" | "extractive" | null;
  text: string;
  done: Extract<AnswerEvent, { type: "done" }> | null;
};
const EMPTY: Answer = { grounding: null, by: null, text: "", done: null };

/**
 * A question to the assistant: routed to a persona (chosen, or by its words), answered from the
 * knowledge base and the persona's figures as it streams, with the sources it cites.
 */
export function AskBox({ personas }: { personas: { id: PersonaId; title: string }[] }) {
  const [question, setQuestion] = useState("");
  const [persona, setPersona] = useState<PersonaId | "">("");
  const [answer, setAnswer] = useState<Answer>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function ask(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setAnswer(EMPTY);
    try {
      const stream = await unwrap(api.POST("/api/v1/nlp/ask", { body: { question, ...(persona && { persona }) }, parseAs: "stream" }));
      if (!stream) return setError("The assistant answered nothing; try again");
      let next: Answer = EMPTY;
      for await (const { event, data } of readEvents(stream)) {
        const e = data as AnswerEvent & { message?: string };
        if (event === "error") setError(e.message);
        else if (e.type === "grounding") next = { ...next, grounding: e.grounding, by: e.by };
        else if (e.type === "text") next = { ...next, text: next.text + e.text };
        else if (e.type === "done") next = { ...next, done: e };
        setAnswer(next);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The assistant could not be reached; try again");
    } finally {
      setBusy(false);
    }
  }

  const { grounding, done } = answer;
  return (
    <div className={`space-y-4 p-5 ${SURFACE}`}>
      <form onSubmit={ask} className="space-y-3">
        <label htmlFor="question" className="sr-only">
          Question
        </label>
        <textarea
          id="question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={2}
          maxLength={2000}
          required
          placeholder="Ask about your documents or figures, e.g. “What is our DSO?” or “How are laptops protected?”"
          className={`${CONTROL} w-full resize-y py-2`}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className={`flex items-center gap-2 text-sm ${MUTED}`}>
            Answer as
            <select value={persona} onChange={(e) => setPersona(e.target.value as PersonaId | "")} className={CONTROL}>
              <option value="">Chosen from the question</option>
              {personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" disabled={busy || !question.trim()}>
            {busy ? "Answering…" : "Ask"}
          </Button>
        </div>
      </form>
      <ErrorText>{error}</ErrorText>
      {grounding && (
        <div className="space-y-3" aria-live="polite" data-testid="answer">
          <p className={`text-xs ${MUTED}`}>
            Answered as the {personas.find((p) => p.id === grounding.persona)?.title ?? grounding.persona}
            {grounding.personaBy === "classifier" ? " (chosen from the question)" : ""} ·{" "}
            {answer.by === "llm"
              ? "written by the language model from the sources below"
              : "quoted from the sources below (no language model)"}
            {grounding.demo && (
              <span className={`${BADGE} ml-2 bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>Demo figures</span>
            )}
          </p>
          <p className="whitespace-pre-line break-words text-sm leading-6">{answer.text}</p>
          {done?.note && <p className={`text-xs ${MUTED}`}>{done.note}</p>}
          {(grounding.citations.length > 0 || grounding.figures.length > 0) && (
            <details open className="text-sm">
              <summary className={`cursor-pointer text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Based on</summary>
              <ol className="mt-2 space-y-2">
                {grounding.citations.map((c) => (
                  <li key={c.chunkId} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
                    <p className="font-medium">
                      [{c.n}] {c.document.title}
                      {c.heading && <span className={`font-normal ${MUTED}`}> › {c.heading}</span>}
                    </p>
                    <p className={`mt-1 line-clamp-3 break-words text-xs ${MUTED}`}>{c.text}</p>
                  </li>
                ))}
                {grounding.figures.map((f) => (
                  <li key={f.ref} className="rounded-md border border-slate-200 p-2 text-xs dark:border-slate-700">
                    [{f.ref}] {figureLine(f)}{" "}
                    <span className={MUTED}>({f.demo ? "demo" : f.source === "views" ? "unified views" : "platform records"})</span>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
