import { Cron } from "croner";
import { z } from "zod";

/** A 5-field cron expression in UTC (`0 6 * * 1`: Mondays at 06:00), or null for on demand only. */
export const Schedule = z
  .string()
  .trim()
  .max(100)
  .refine(
    (expr) => expr.split(/\s+/).length === 5 && parses(expr),
    'a schedule is a 5-field cron expression (minute hour day month weekday), e.g. "0 6 * * *"',
  )
  .nullable();

function parses(expr: string): boolean {
  try {
    new Cron(expr, { paused: true, timezone: "UTC" });
    return true;
  } catch {
    return false;
  }
}

/** A word the agents API uses as a path (`/api/v1/agents/metrics`) cannot name an agent. */
const RESERVED = new Set(["metrics"]);
const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "2 to 40 lower-case letters, digits and dashes, starting with a letter")
  .refine((slug) => !RESERVED.has(slug), "metrics is reserved");
const Entities = z
  .array(z.string().regex(/^[a-z][a-z0-9_]*$/))
  .min(1)
  .max(20);

export const RegisterAgentInput = z.object({
  slug: Slug,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(""),
  owner: z.string().trim().max(200).default(""),
  /** Where runs are posted (https, or http to a host AOS_OUTBOUND_ALLOW names); checked by the outbound policy on every call. */
  endpoint: z.url({ protocol: /^https?$/, message: "an http(s) URL" }).max(2000),
  entities: Entities,
  schedule: Schedule.default(null),
  enabled: z.boolean().default(true),
});
export type RegisterAgentInput = z.infer<typeof RegisterAgentInput>;

export const UpdateAgentInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500),
    owner: z.string().trim().max(200),
    schedule: Schedule,
    enabled: z.boolean(),
    endpoint: RegisterAgentInput.shape.endpoint,
    entities: Entities,
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, "name at least one setting");
export type UpdateAgentInput = z.infer<typeof UpdateAgentInput>;

export const AgentParams = z.object({ id: z.string().min(1).max(100) });

export const RunAgentInput = z.object({
  /** "Today" for the analysis (ISO date); the current date when absent. */
  asOf: z.iso.date().optional(),
});
export type RunAgentInput = z.infer<typeof RunAgentInput>;

export const FindingStatus = z.enum(["open", "acknowledged", "resolved", "dismissed"]);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const ListFindingsQuery = z.object({
  agent: z.string().max(100).optional(),
  status: FindingStatus.optional(),
  kind: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
export type ListFindingsQuery = z.infer<typeof ListFindingsQuery>;

export const UpdateFindingInput = z.object({ status: FindingStatus, note: z.string().trim().max(1000).optional() });
export type UpdateFindingInput = z.infer<typeof UpdateFindingInput>;

export const ListRunsQuery = z.object({
  agent: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
export type ListRunsQuery = z.infer<typeof ListRunsQuery>;

export const MetricsQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
export type MetricsQuery = z.infer<typeof MetricsQuery>;
