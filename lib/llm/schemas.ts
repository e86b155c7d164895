import { z } from "zod";
import { Timestamp } from "@/lib/http/wire";

const Time = z.iso.datetime({ offset: true }).pipe(z.coerce.date());

export const LlmUsageQuery = z
  .object({
    since: Time.optional().meta({ description: "The window's start (ISO 8601); 30 days before `until` by default" }),
    until: Time.optional().meta({ description: "The window's end (ISO 8601); now by default" }),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, { path: ["since"], message: "must not be after until" });
export type LlmUsageQuery = z.infer<typeof LlmUsageQuery>;

const Counts = {
  calls: z.int(),
  errors: z.int().meta({ description: "Calls that failed" }),
  inputTokens: z.int(),
  outputTokens: z.int(),
};

export const LlmModelUsage = z
  .object({
    provider: z.string().meta({ examples: ["openai"] }),
    model: z.string().meta({ examples: ["gpt-4o-mini"] }),
    ...Counts,
    avgLatencyMs: z.int(),
    maxLatencyMs: z.int(),
  })
  .meta({ id: "LlmModelUsage" });

/** The tenant's language-model calls over a window: totals, and per provider and model. */
export const LlmUsage = z
  .object({
    since: Timestamp,
    until: Timestamp,
    totals: z.object(Counts),
    models: z.array(LlmModelUsage).meta({ description: "By provider, then model" }),
  })
  .meta({ id: "LlmUsage" });
export type LlmUsage = z.infer<typeof LlmUsage>;
