import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { routeQuestion } from "@/lib/nlp/classify/route-question";
import type { Embedder } from "@/lib/nlp/kb/embed";
import { searchKb } from "@/lib/nlp/kb/search";
import type { PersonaId } from "@/lib/nlp/personas/registry";
import { personaSummary } from "@/lib/nlp/personas/summary";
import { relevantFigures } from "./figures";
import { COVERAGE, supportOf } from "./support";
import type { Citation, Grounding } from "./schemas";

/** Passages cited at most. */
const MAX_CITATIONS = 5;

/**
 * What an answer may rest on: the persona (named, else classified), the best passages of the
 * tenant's knowledge base (hybrid search over the redacted question) and, when the question speaks
 * the persona's language, the persona's figures whose labels share its words.
 */
export async function groundQuestion(
  scope: TenantScope,
  input: { question: string; persona?: PersonaId; asOf?: Date },
  embedder: Embedder,
): Promise<Grounding> {
  const route = routeQuestion({ question: input.question, persona: input.persona });
  const persona = route.persona === "unknown" ? "cfo" : route.persona;
  const asksForFigures =
    route.persona !== "unknown" && (route.by === "explicit" ? Object.values(route.scores).some((s) => s > 0) : route.confidence > 0);
  const [search, summary] = await Promise.all([
    searchKb(scope, { query: input.question, k: MAX_CITATIONS, mode: "hybrid" }, embedder),
    asksForFigures ? personaSummary(scope, persona, { asOf: input.asOf, model: null }) : null,
  ]);
  const citations: Citation[] = search.hits
    .map((hit) => ({
      chunkId: hit.chunkId,
      document: { id: hit.document.id, title: hit.document.title },
      heading: hit.heading,
      position: hit.position,
      text: hit.text,
      coverage: hit.scores.bm25?.coverage ?? 0,
    }))
    .filter((c) => c.coverage >= COVERAGE.related)
    .map((c, i) => ({ n: i + 1, ...c }));
  const figures = summary ? relevantFigures(input.question, summary.figures) : [];
  const support = supportOf(
    citations.map((c) => c.coverage),
    figures.length,
  );
  return { persona, personaBy: route.by, support, citations, figures, demo: figures.some((f) => f.demo) };
}
