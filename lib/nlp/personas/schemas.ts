import { z } from "zod";
import { Severity } from "@/lib/agents/schemas";
import { PERSONA_IDS, PersonaId } from "./registry";

const personaMessage = `persona must be one of ${PERSONA_IDS.join(", ")}`;

export const PersonaSummaryQuery = z.object({
  persona: z.enum(PERSONA_IDS, { error: personaMessage }),
  /** "Today" for the figures' windows (YYYY-MM-DD); default now. */
  asOf: z.iso
    .date()
    .transform((d) => new Date(`${d}T00:00:00Z`))
    .optional(),
});
export type PersonaSummaryQuery = z.infer<typeof PersonaSummaryQuery>;

export const RouteQuestionBody = z.object({
  question: z.string().trim().min(1).max(2000),
  /** Named explicitly, it wins over the classifier. */
  persona: PersonaId.optional(),
});
export type RouteQuestionBody = z.infer<typeof RouteQuestionBody>;

/** The persona a question goes to, and how sure the offline classifier is. */
export const PersonaRoute = z
  .object({
    persona: z.union([PersonaId, z.literal("unknown")]).meta({ description: "`unknown`: no persona's words won clearly" }),
    confidence: z.number().meta({ description: "The top score's share of all scores, 0 to 1 (1 when named explicitly)", examples: [0.75] }),
    scores: z
      .record(PersonaId, z.number())
      .meta({ description: "Each persona's vocabulary score", examples: [{ cfo: 3, cro: 1, coo: 0, cto: 0 }] }),
    by: z.enum(["explicit", "classifier"]),
  })
  .meta({ id: "PersonaRoute" });
export type PersonaRoute = z.infer<typeof PersonaRoute>;

/**
 * One figure of a summary. Money is per currency (`currency` set, never summed across currencies);
 * `value` is null when the views hold nothing to compute it from, and `note` says why.
 * `query` is the SQL that produced it (runnable against the views) or the source it was read from;
 * `asOf` is its freshness: when the views it read were built, or when the records were read.
 */
export const Figure = z
  .object({
    key: z.string().meta({ examples: ["overdue_receivables"] }),
    label: z.string().meta({ examples: ["Overdue receivables"] }),
    value: z.number().nullable().meta({ description: "Null when there is nothing to compute it from (`note` says why)" }),
    unit: z.enum(["money", "count", "days", "ratio"]),
    currency: z
      .string()
      .optional()
      .meta({ description: "Money (and figures per currency) only", examples: ["USD"] }),
    dimension: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "The breakdown this figure is one part of", examples: [{ stage: "Negotiation" }] }),
    per: z.literal("month").optional().meta({ description: "Money per period; absent for amounts once" }),
    window: z.object({ from: z.iso.date(), to: z.iso.date() }).optional().meta({ description: "The dates it covers" }),
    query: z.string().meta({ description: "The SQL that produced it (runnable against the views), or the source it was read from" }),
    source: z.enum(["views", "database", "demo"]),
    asOf: z.string().nullable().meta({
      description: "Its freshness (an ISO 8601 time or date): when the views it read were built, or when the records were read",
    }),
    note: z.string().optional(),
    demo: z.boolean().meta({ description: "Fixed demo content, not computed from data (`DEMO_MODE`)" }),
  })
  .meta({ id: "Figure" });
export type Figure = z.infer<typeof Figure>;

/** A finding the persona cares about, ranked by severity then money. */
export const Highlight = z
  .object({
    kind: z.string().meta({ examples: ["overdue_invoice"] }),
    title: z.string(),
    severity: Severity,
    impact: z.object({ amount: z.number(), currency: z.string(), per: z.string().meta({ examples: ["once", "month"] }) }).nullable(),
    source: z.enum(["findings", "live", "demo"]).meta({
      description: "`findings`: the agent's latest stored run; `live`: computed now from the views (no run stored yet)",
    }),
  })
  .meta({ id: "Highlight" });
export type Highlight = z.infer<typeof Highlight>;

export const AgentRunFreshness = z
  .object({ runId: z.uuid(), status: z.string(), startedAt: z.iso.datetime(), finishedAt: z.iso.datetime().nullable() })
  .nullable()
  .meta({ description: "The agent's latest run; null when it never ran" });
export type AgentRunFreshness = z.infer<typeof AgentRunFreshness>;

/** A persona's figures, the findings most at stake and a narrative over them. */
export const PersonaSummary = z
  .object({
    persona: PersonaId,
    title: z.string().meta({ examples: ["Chief Financial Officer"] }),
    demo: z.boolean().meta({ description: "Fixed demo content (`DEMO_MODE`), every figure labelled so" }),
    generatedAt: z.iso.datetime(),
    asOf: z.iso.date().meta({ description: "The day the figures' windows end" }),
    freshness: z.object({
      viewsBuiltAt: z.iso
        .datetime()
        .nullable()
        .meta({ description: "When the unified views were last built; null before the first build" }),
      latestAgentRuns: z.record(z.string(), AgentRunFreshness).meta({ description: "By agent slug" }),
    }),
    figures: z.array(Figure),
    highlights: z.array(Highlight),
    narrative: z.object({
      text: z.string(),
      by: z.enum(["llm", "template"]).meta({ description: "`llm`: written by the model over the figures only; `template`: without one" }),
    }),
  })
  .meta({ id: "PersonaSummary" });
export type PersonaSummary = z.infer<typeof PersonaSummary>;
