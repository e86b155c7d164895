import type { Support } from "./schemas";

/**
 * A passage holding ANSWERS of the question's idf weight answers it; one holding less than
 * RELATED is not cited. Chosen on the tune and unanswerable queries of tests/fixtures/kb/eval
 * (`npm run kb:eval` prints how often answerable questions are refused, and unanswerable ones answered).
 */
export const COVERAGE = { answers: 0.45, related: 0.2 } as const;

/** How well the passages (their coverages) and the figures found speak to the question. */
export function supportOf(coverages: number[], figures: number): Support {
  const best = Math.max(0, ...coverages);
  return best >= COVERAGE.answers || figures > 0 ? "answers" : best >= COVERAGE.related ? "related" : "none";
}
