import { z } from "zod";
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
  });

const MAX_EVENT_ID = 2n ** 63n - 1n;

/** An event id as clients send it back (`Last-Event-ID`, `?lastEventId=`, `?cursor=`): a non-negative 64-bit integer. */
export const eventIdSchema = z
  .string()
  .refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_EVENT_ID, "must be an event id (a non-negative integer)");

export const EventStreamQuery = z.object({
  types: eventTypesQuery.optional(),
  /** For clients that cannot send the Last-Event-ID header; the header wins when both are sent. */
  lastEventId: eventIdSchema.optional(),
});

export const ListEventsQuery = z.object({
  /** Events after this id: a previous page's `nextCursor`, or the last event id a client saw; from the oldest kept when absent. */
  cursor: eventIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  types: eventTypesQuery.optional(),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;
