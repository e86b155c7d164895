import { Cron } from "croner";
import { z } from "zod";
import { listOf, pageParams, type SortOrder, sortParam } from "@/lib/http/list";
import { Id, JsonValue } from "@/lib/http/wire";

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

export const AgentParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "The agent's id or slug", examples: ["finops"] }),
});

export const RunAgentInput = z.object({
  /** "Today" for the analysis (ISO date); the current date when absent. */
  asOf: z.iso.date().optional(),
});
export type RunAgentInput = z.infer<typeof RunAgentInput>;

export const ListAgentsQuery = z.object(pageParams({ defaultLimit: 50, maxLimit: 200 }));
export type ListAgentsQuery = z.infer<typeof ListAgentsQuery>;

export const AgentKind = z.enum(["builtin", "http"]).meta({
  description: "`builtin`: runs inside the platform; `http`: a third party's, called at its endpoint",
});

export const Agent = z
  .object({
    id: Id,
    slug: z.string().meta({ description: "Its name in URLs and the CLI; the API takes it wherever it takes the id", examples: ["finops"] }),
    name: z.string(),
    description: z.string(),
    kind: AgentKind,
    endpoint: z.string().nullable().meta({ description: "Where its runs are posted (`http` agents); null for a built-in one" }),
    owner: z.string().meta({ description: "Who answers for it: a team or a person" }),
    entities: z.array(z.string()).meta({ description: "The entities (unified views) it reads", examples: [["cost", "resource"]] }),
    schedule: z
      .string()
      .nullable()
      .meta({ description: "A 5-field cron expression in UTC, or null: on demand only", examples: ["0 6 * * 1"] }),
    enabled: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Agent" });
export type Agent = z.infer<typeof Agent>;

export const AgentPage = listOf("agents", Agent);
export const RegisteredAgent = z.object({
  agent: Agent,
  signingKey: z.string().meta({
    description: "The key its requests are signed with (HMAC-SHA256), shown this once only",
    examples: ["q3JX0r3nD6mQ0m3GAfZ3yq1jH2u7w9c4VbN5tLkPe8s"],
  }),
});

export const FindingStatus = z.enum(["open", "acknowledged", "resolved", "dismissed"]);
export type FindingStatus = z.infer<typeof FindingStatus>;

const FINDING_SORT_FIELDS = ["lastSeenAt", "firstSeenAt"] as const;
export type FindingSort = SortOrder<(typeof FINDING_SORT_FIELDS)[number]>;
export const DEFAULT_FINDING_SORT: FindingSort = { field: "lastSeenAt", direction: "desc" };

export const ListFindingsQuery = z.object({
  agent: z.string().max(100).optional().meta({ description: "The agent's slug or id" }),
  status: FindingStatus.optional(),
  kind: z.string().max(100).optional(),
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
  sort: sortParam(FINDING_SORT_FIELDS, "-lastSeenAt"),
});
/** The parsed query; `sort` may be left out (the most recently seen first). */
export type ListFindingsQuery = Omit<z.infer<typeof ListFindingsQuery>, "sort"> & { sort?: FindingSort };

export const UpdateFindingInput = z.object({ status: FindingStatus, note: z.string().trim().max(1000).optional() });
export type UpdateFindingInput = z.infer<typeof UpdateFindingInput>;

export const FindingParams = z.object({ id: z.uuid() });

export const Severity = z.enum(["low", "medium", "high", "critical"]);

export const Finding = z
  .object({
    id: Id,
    agent: z.string().meta({ description: "The slug of the agent that found it" }),
    key: z.string().meta({ description: "Stable across runs: the same issue found again is the same finding", examples: ["idle:i-0abc"] }),
    kind: z.string().meta({ examples: ["cost_anomaly", "idle_resource", "stalled_deal", "overdue_invoice"] }),
    title: z.string(),
    summary: z.string(),
    severity: Severity,
    impact: z
      .object({ amount: z.number(), currency: z.string().meta({ examples: ["USD"] }), per: z.enum(["once", "month", "year"]) })
      .nullable()
      .meta({ description: "The money at stake: a saving or an exposure, once or per period" }),
    window: z
      .object({ from: z.iso.date(), to: z.iso.date() })
      .nullable()
      .meta({ description: "The dates it looked at, inclusive; null when it has no time window" }),
    sql: z.string().meta({ description: "A query over the unified views that shows the rows behind it" }),
    rows: z.array(z.record(z.string(), JsonValue)).meta({ description: "The rows or figures behind it (at most 50)" }),
    lineage: z
      .object({
        entities: z.array(z.string()),
        sources: z.array(z.object({ connectionId: Id, stream: z.string(), entity: z.string() })),
      })
      .meta({ description: "The entities its query read and the connections' streams that fed them" }),
    status: FindingStatus,
    statusById: Id.nullable().meta({ description: "The person who last set its status; null when the platform did" }),
    statusAt: z.iso.datetime().nullable(),
    statusNote: z.string().nullable(),
    firstSeenAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    occurrences: z.int().meta({ description: "How many runs found it" }),
    lastRunId: Id,
  })
  .meta({ id: "Finding" });
export type Finding = z.infer<typeof Finding>;

export const FindingPage = listOf("findings", Finding);

export const RunStatus = z.enum(["running", "success", "failed"]);

const RUN_SORT_FIELDS = ["startedAt"] as const;
export type RunSort = SortOrder<(typeof RUN_SORT_FIELDS)[number]>;
export const DEFAULT_RUN_SORT: RunSort = { field: "startedAt", direction: "desc" };

export const ListRunsQuery = z.object({
  agent: z.string().max(100).optional().meta({ description: "The agent's slug or id" }),
  status: RunStatus.optional(),
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
  sort: sortParam(RUN_SORT_FIELDS, "-startedAt"),
});
/** The parsed query; `sort` may be left out (the latest first). */
export type ListRunsQuery = Omit<z.infer<typeof ListRunsQuery>, "sort"> & { sort?: RunSort };

export const RunParams = z.object({ id: z.uuid() });

export const AgentRun = z
  .object({
    id: Id,
    agent: z.string().meta({ description: "The agent's slug" }),
    taskId: Id.nullable().meta({ description: "The `agent.run` task that ran it; null for a run from the CLI" }),
    trigger: z.enum(["manual", "schedule", "cli"]),
    status: RunStatus,
    buildId: Id.nullable().meta({ description: "The view build it read" }),
    inputs: z.object({
      asOf: z.iso.date().meta({ description: '"Today" for the analysis' }),
      entities: z.array(z.string()),
      model: z
        .string()
        .nullable()
        .optional()
        .meta({ description: "The model that wrote the narrative (`provider/model`); null for the template" }),
    }),
    queries: z.array(z.string()).meta({ description: "Every query it ran against the views" }),
    figures: z.record(z.string(), JsonValue).meta({ description: "Its summary figures (each agent has its own)" }),
    narrative: z.string().nullable(),
    narrativeBy: z.enum(["llm", "template"]).nullable(),
    inputTokens: z.int(),
    outputTokens: z.int(),
    findings: z.int().meta({ description: "Findings it found" }),
    newFindings: z.int().meta({ description: "Of which were not found before" }),
    error: z.string().nullable().meta({ description: "Why it failed, safe to show a person" }),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    durationMs: z.int().nullable(),
  })
  .meta({ id: "AgentRun" });
export type AgentRun = z.infer<typeof AgentRun>;

export const AgentRunPage = listOf("runs", AgentRun);

export const MetricsQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30).meta({ description: "The window, in days up to now" }),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export const AgentMetrics = z
  .object({
    agent: z.string().meta({ description: "The agent's slug" }),
    kind: AgentKind,
    runs: z.int(),
    succeeded: z.int(),
    failed: z.int(),
    successRate: z.number().nullable().meta({ description: "Of finished runs, 0 to 1; null with none" }),
    p50Ms: z.int().nullable(),
    p95Ms: z.int().nullable(),
    inputTokens: z.int(),
    outputTokens: z.int(),
    estimatedCostUsd: z.number().nullable().meta({ description: "The LLM cost at list prices; null when a model used has no known price" }),
    findingsProduced: z.int().meta({ description: "New findings its runs found" }),
    findingsActedOn: z.int().meta({ description: "Findings a person acknowledged, resolved or dismissed" }),
  })
  .meta({ id: "AgentMetrics" });
export type AgentMetrics = z.infer<typeof AgentMetrics>;

export const AgentMetricsReport = z.object({
  since: z.iso.datetime().meta({ description: "The window's start" }),
  agents: z.array(AgentMetrics),
});
export type AgentMetricsReport = z.infer<typeof AgentMetricsReport>;
