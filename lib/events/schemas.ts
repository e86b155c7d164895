import { z } from "zod";
import { listOf, pageParams } from "@/lib/http/list";
import { JsonValue } from "@/lib/http/wire";
import { TENANT_EVENT_TYPES, type TenantEventType } from "@/lib/events/types";

export const tenantEventTypeSchema = z.enum(TENANT_EVENT_TYPES);

/** `?types=a,b`: the types a client wants; none means all. */
export const eventTypesQuery = z
  .string()
  .max(500)
  .transform((value, context) => {
    const types = value
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const unknown = types.filter((t) => !tenantEventTypeSchema.safeParse(t).success);
    if (unknown.length) {
      context.addIssue({ code: "custom", message: `Unknown event type ${unknown[0]}; known: ${TENANT_EVENT_TYPES.join(", ")}` });
      return z.NEVER;
    }
    return types as TenantEventType[];
  })
  .meta({
    description: `The event types wanted, comma-separated (all when absent; an API key gets only those its scopes read): ${TENANT_EVENT_TYPES.join(", ")}`,
    examples: ["task.updated,aam.sync.completed"],
  });

const MAX_EVENT_ID = 2n ** 63n - 1n;

/** An event id as clients send it back (`Last-Event-ID`, `?lastEventId=`, `?cursor=`): a non-negative 64-bit integer. */
export const eventIdSchema = z
  .string()
  .refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_EVENT_ID, "must be an event id (a non-negative integer)");

export const EventStreamQuery = z.object({
  types: eventTypesQuery.optional(),
  lastEventId: eventIdSchema.optional().meta({
    description: "Resume after this event id, for clients that cannot send the `Last-Event-ID` header (the header wins when both are sent)",
  }),
});

const eventPage = pageParams({ defaultLimit: 100, maxLimit: 500, cursor: eventIdSchema });

export const ListEventsQuery = z.object({
  ...eventPage,
  cursor: eventPage.cursor.meta({
    description:
      "Events after this id: a previous page's `nextCursor`, or the last event id a client saw; from the oldest kept when absent",
  }),
  types: eventTypesQuery.optional(),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

/** A kept event as the log holds it (`GET /api/v1/events`, and the stream's `data`). */
export const TenantEvent = z
  .object({
    id: z
      .string()
      .regex(/^\d+$/)
      .meta({ description: "The event log's id (a decimal string): resume after it", examples: ["1042"] }),
    type: tenantEventTypeSchema,
    at: z.iso.datetime(),
    data: z.record(z.string(), JsonValue).meta({
      description: [
        "What happened, by type:",
        "`task.updated`: taskId, kind (the task type), status, attempt and retryAt when it waits for another attempt;",
        "`aam.sync.completed`: connectionId, outcome (success, partial or failed), streams, driftChanges;",
        "`aam.drift.detected`: connectionId, changes, pending, paused;",
        "`inbox.changed`: connectionId, repairsApplied and repairsWaiting (repairs ran), decided (people decided), or rolledBack (a decision undone);",
        "`dcl.views.rebuilt`: entities, proposed, autoApproved;",
        "`agent.run.finished`: agentId, agent (its name), runId, status, findings, newFindings;",
        "`kb.document.updated`: documentId, status.",
        "`aam.sync.progress` (connectionId, stream, streamsRead, streams, rowsStored) is live only: the stream carries it, without an id, and the log does not keep it.",
      ].join(" "),
      examples: [{ taskId: "3f0c8a52-6f1e-4c8e-9a57-2b7f1d4e9c10", kind: "connector.sync", status: "success" }],
    }),
  })
  .meta({ id: "TenantEvent" });
export type TenantEvent = z.infer<typeof TenantEvent>;

export const EventPage = listOf("events", TenantEvent);
