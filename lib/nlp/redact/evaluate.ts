import { z } from "zod";
import { detectPii } from "./detect";
import { NATIONAL_ID_TYPES, PII_TYPES, STRUCTURED_TYPES, type PiiSpan, type PiiType } from "./types";

const PiiTypeSchema = z.enum(PII_TYPES);

/** One labelled text: the PII spans it holds (offsets into `text`) and the look-alikes it holds on purpose. */
export const LabeledText = z.object({
  id: z.string(),
  source: z.string(),
  text: z.string(),
  knownNames: z.array(z.string()).optional(),
  spans: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(1), type: PiiTypeSchema, value: z.string() })),
  lookalikes: z.array(z.string()),
});
export type LabeledText = z.infer<typeof LabeledText>;

export const LabeledCorpus = z.object({ description: z.string(), items: z.array(LabeledText) }).superRefine((corpus, ctx) => {
  for (const item of corpus.items)
    for (const span of item.spans)
      if (item.text.slice(span.start, span.end) !== span.value)
        ctx.addIssue({ code: "custom", message: `${item.id}: span ${span.start}-${span.end} is not "${span.value}"` });
});
export type LabeledCorpus = z.infer<typeof LabeledCorpus>;

export type Score = { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number };
export type TypeScore = { exact: Score; overlap: Score };
export type Miss = { id: string; kind: "missed" | "spurious"; type: PiiType; value: string; match: "exact" | "overlap" };

export type CorpusEvaluation = {
  perType: Record<PiiType, TypeScore>;
  nationalIds: TypeScore;
  structured: TypeScore;
  all: TypeScore;
  /** Labelled PII hidden by some redaction of any type (what matters for privacy). */
  covered: { spans: number; covered: number; rate: number };
  lookalikes: { total: number; redacted: number };
  misses: Miss[];
};

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

type Tally = { exact: [number, number, number]; overlap: [number, number, number] };

const overlaps = (a: PiiSpan, b: PiiSpan) => a.start < b.end && b.start < a.end;
const same = (a: PiiSpan, b: PiiSpan) => a.start === b.start && a.end === b.end;

/**
 * Precision and recall per type, span-exact (same start, end and type) and by overlap (same type,
 * any overlap), plus the national-id, structured and overall totals.
 */
export function evaluateCorpus(corpus: LabeledCorpus): CorpusEvaluation {
  const tallies = Object.fromEntries(PII_TYPES.map((t) => [t, { exact: [0, 0, 0], overlap: [0, 0, 0] }])) as Record<PiiType, Tally>;
  const misses: Miss[] = [];
  let covered = 0;
  let spans = 0;
  let lookalikes = 0;
  let lookalikesRedacted = 0;
  for (const item of corpus.items) {
    const predicted = detectPii(item.text, { knownNames: item.knownNames });
    const gold = item.spans;
    for (const mode of ["exact", "overlap"] as const) {
      const match = mode === "exact" ? same : overlaps;
      for (const g of gold) {
        const hit = predicted.some((p) => p.type === g.type && match(p, g));
        tallies[g.type][mode][hit ? 0 : 2] += 1;
        if (!hit) misses.push({ id: item.id, kind: "missed", type: g.type, value: g.value, match: mode });
      }
      for (const p of predicted) {
        if (gold.some((g) => g.type === p.type && match(p, g))) continue;
        tallies[p.type][mode][1] += 1;
        misses.push({ id: item.id, kind: "spurious", type: p.type, value: item.text.slice(p.start, p.end), match: mode });
      }
    }
    for (const g of gold) {
      spans += 1;
      if (predicted.some((p) => overlaps(p, g))) covered += 1;
    }
    for (const look of item.lookalikes) {
      lookalikes += 1;
      let from = 0;
      let at: number;
      let hit = false;
      while ((at = item.text.indexOf(look, from)) >= 0) {
        const occurrence = { start: at, end: at + look.length, type: "person" as const };
        if (!gold.some((g) => overlaps(g, occurrence))) hit ||= predicted.some((p) => overlaps(p, occurrence));
        from = at + 1;
      }
      if (hit) lookalikesRedacted += 1;
    }
  }
  const typeScore = (types: readonly PiiType[]): TypeScore => {
    const sum = (mode: "exact" | "overlap", i: number) => types.reduce((n, t) => n + tallies[t][mode][i], 0);
    return {
      exact: score(sum("exact", 0), sum("exact", 1), sum("exact", 2)),
      overlap: score(sum("overlap", 0), sum("overlap", 1), sum("overlap", 2)),
    };
  };
  return {
    perType: Object.fromEntries(PII_TYPES.map((t) => [t, typeScore([t])])) as Record<PiiType, TypeScore>,
    nationalIds: typeScore(NATIONAL_ID_TYPES),
    structured: typeScore(STRUCTURED_TYPES),
    all: typeScore(PII_TYPES),
    covered: { spans, covered, rate: spans === 0 ? 1 : covered / spans },
    lookalikes: { total: lookalikes, redacted: lookalikesRedacted },
    misses,
  };
}
