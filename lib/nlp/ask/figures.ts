import { tokenize } from "@/lib/nlp/kb/tokenize";
import { figureLine } from "@/lib/nlp/personas/format";
import type { Figure } from "@/lib/nlp/personas/schemas";

const MAX_FIGURES = 8;
/** A figure answers a question when it holds at least half the question's weight. */
const MIN_COVERAGE = 0.5;

/**
 * The figures a question asks for, best covered first, numbered `F1`, `F2`... as the answer cites
 * them. Each of the question's terms weighs by how rare it is among the figures (idf over their
 * distinct labels, a term in none weighing most): "last 90 days" is in every window and says little,
 * "invoice" names one figure, and "refund" in a question no figure speaks of keeps "paid" alone from
 * pulling in collections.
 */
export function relevantFigures(question: string, figures: Figure[]): (Figure & { ref: string })[] {
  const asked = [...new Set(tokenize(question))];
  const known = figures.filter((f) => f.value !== null);
  if (asked.length === 0 || known.length === 0) return [];
  const termsOf = (f: Figure) => new Set(tokenize(`${figureLine(f)} ${f.key.replace(/_/g, " ")}`));
  const labels = [...new Map(known.map((f) => [`${f.key}\u0000${f.label}`, termsOf(f)])).values()];
  const weight = (t: string) => Math.log(1 + labels.length / Math.max(0.5, labels.filter((terms) => terms.has(t)).length));
  const total = asked.reduce((s, t) => s + weight(t), 0);
  return known
    .map((f) => {
      const terms = termsOf(f);
      return { f, coverage: asked.filter((t) => terms.has(t)).reduce((s, t) => s + weight(t), 0) / total };
    })
    .filter((x) => x.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, MAX_FIGURES)
    .map(({ f }, i) => ({ ...f, ref: `F${i + 1}` }));
}
