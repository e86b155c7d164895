import { z } from "zod";

export const ConnectionType = z.enum(["file", "postgres", "salesforce", "mongodb"]);
export type ConnectionType = z.infer<typeof ConnectionType>;

export const SchemaPolicy = z.enum(["propagate_all", "propagate_additive", "require_approval", "pause_on_breaking"]);
export type SchemaPolicy = z.infer<typeof SchemaPolicy>;

const Name = z.string().trim().min(1, "a name is required").max(120);
const SampleRowLimit = z.number().int("must be a whole number of rows");

export const CreateConnectionInput = z.object({
  name: Name,
  type: ConnectionType,
  /** Validated against the type's own schema (lib/aam/connectors/registry.ts). */
  config: z.record(z.string(), z.unknown()).default({}),
  /** Absent: propagate_additive, or require_approval in safe mode (lib/aam/safe-mode.ts). */
  schemaPolicy: SchemaPolicy.optional(),
  /** Sampled read-only onboarding until a person promotes the connection (lib/aam/safe-mode.ts). */
  safeMode: z.boolean().optional(),
  /** Rows read per stream per sync in safe mode; its bounds are safe mode's rules, with their reasons. */
  sampleRowLimit: SampleRowLimit.optional(),
});
export type CreateConnectionInput = z.infer<typeof CreateConnectionInput>;

/**
 * Config keys left out keep their values, so secrets need not be sent again. `safeMode` and
 * `sampleRowLimit` are accepted so that refusing them can say why (leaving safe mode is promotion).
 */
export const UpdateConnectionInput = z
  .object({
    name: Name,
    config: z.record(z.string(), z.unknown()),
    schemaPolicy: SchemaPolicy,
    safeMode: z.boolean(),
    sampleRowLimit: SampleRowLimit,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to update" });
export type UpdateConnectionInput = z.infer<typeof UpdateConnectionInput>;

export const ConnectionParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });

export const DriftStatus = z.enum(["applied", "pending", "accepted", "rejected", "superseded"]);

export const ListDriftQuery = z.object({
  connectionId: z.uuid().optional(),
  status: DriftStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.uuid().optional(),
});
export type ListDriftQuery = z.infer<typeof ListDriftQuery>;

export const PageQuery = z.object({
  stream: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.uuid().optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** An event's id: its segment and its row there (`<segment id>:<row>`). */
export const EVENT_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,10})$/;

/** Events page by the id of the last event seen. */
export const EventsQuery = PageQuery.extend({ cursor: z.string().regex(EVENT_ID, "an event id from the previous page").optional() });
export type EventsQuery = z.infer<typeof EventsQuery>;

export const UploadQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+\.(csv|tsv|txt|jsonl|ndjson)$/i, "a file name ending in .csv, .tsv, .txt, .jsonl or .ndjson, without folders")
    .refine((n) => !n.startsWith("."), "a file name may not start with a dot"),
});
