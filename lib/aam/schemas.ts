import { z } from "zod";
import { ConnectorErrorKind, FieldType } from "@/lib/aam/connectors/types";
import { DriftKind, Severity } from "@/lib/aam/drift/types";
import { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { ComponentStatus } from "@/lib/health/schemas";
import { listOf, pageParams, sortParam } from "@/lib/http/list";
import { Id, JsonValue, Timestamp } from "@/lib/http/wire";
import { Task } from "@/lib/tasks/schemas";

export const ConnectionType = z.enum(["file", "postgres", "salesforce", "mongodb"]);
export type ConnectionType = z.infer<typeof ConnectionType>;

export const SchemaPolicy = z.enum(["propagate_all", "propagate_additive", "require_approval", "pause_on_breaking"]).meta({
  description:
    "What a schema change does: `propagate_all` applies every change; `propagate_additive` applies additive ones and holds breaking ones for a person; `require_approval` holds every change; `pause_on_breaking` pauses the connection on a breaking change",
});
export type SchemaPolicy = z.infer<typeof SchemaPolicy>;

export const ConnectionStatus = z.enum(["active", "paused", "error"]).meta({
  description:
    "`paused`: by its schema policy (a breaking change) or by a person, syncs are refused until it is resumed; `error`: the last sync or check failed, `statusMessage` says why",
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

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

/** Connections in the order asked for (oldest first by default), filtered by type and status. */
export const ListConnectionsQuery = z.object({
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
  sort: sortParam(["createdAt", "name"], "createdAt"),
  type: ConnectionType.optional(),
  status: ConnectionStatus.optional(),
});
/** The parsed query; `sort` may be left out (oldest first). */
export type ListConnectionsQuery = Omit<z.infer<typeof ListConnectionsQuery>, "sort"> & {
  sort?: z.infer<typeof ListConnectionsQuery>["sort"];
};

/** The overview, oldest connection first. */
export const ListConnectorsQuery = z.object(pageParams({ defaultLimit: 100, maxLimit: 500 }));
export type ListConnectorsQuery = z.infer<typeof ListConnectorsQuery>;

/** A connection's streams or uploaded files, by name. */
export const NamedPageQuery = z.object(pageParams({ defaultLimit: 100, maxLimit: 500 }));
export type NamedPageQuery = z.infer<typeof NamedPageQuery>;

export const DriftStatus = z.enum(["applied", "pending", "accepted", "rejected", "superseded"]).meta({
  description:
    "`applied`: propagated under the connection's policy; `pending`: waits for a person; `accepted` or `rejected` by a person; `superseded` by a later change",
});

export const ListDriftQuery = z.object({
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
  connectionId: z.uuid().optional(),
  status: DriftStatus.optional(),
});
export type ListDriftQuery = z.infer<typeof ListDriftQuery>;

const StreamFilter = z.string().min(1).max(1000).optional().meta({ description: "Only the records of this stream" });

/** Quarantined records, newest first. */
export const QuarantineQuery = z.object({ ...pageParams({ defaultLimit: 50, maxLimit: 500 }), stream: StreamFilter });
export type QuarantineQuery = z.infer<typeof QuarantineQuery>;

/** An event's id: its segment and its row there (`<segment id>:<row>`). */
export const EVENT_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,10})$/;

/** Events page by the id of the last event seen, newest first. */
export const EventsQuery = z.object({
  ...pageParams({ defaultLimit: 50, maxLimit: 500, cursor: z.string().regex(EVENT_ID, "an event id from the previous page") }),
  stream: StreamFilter,
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** Accepts the changes of one stream, or of all when `stream` is left out. */
export const AcceptSchemaInput = z.object({ stream: z.string().min(1).max(1000).optional() }).default({});

export const UploadQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+\.(csv|tsv|txt|jsonl|ndjson)$/i, "a file name ending in .csv, .tsv, .txt, .jsonl or .ndjson, without folders")
    .refine((n) => !n.startsWith("."), "a file name may not start with a dot"),
});

/* What the AAM routes answer. */

export const SyncOutcome = z.enum(["success", "partial", "failed"]).meta({
  description: "How the latest sync ended: `partial` when some streams could not be read",
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;

/** A connection as the API and the pages show it: secrets removed or masked. */
export const ConnectionDto = z
  .object({
    id: Id,
    name: z.string().meta({ examples: ["Sales DB"] }),
    type: ConnectionType,
    status: ConnectionStatus,
    statusMessage: z.string().nullable().meta({ description: "Why it is paused or failing, or what the latest sync could not read" }),
    schemaPolicy: SchemaPolicy,
    safeMode: z.boolean().meta({
      description: "Sampled and read-only: nothing is applied or materialized until a person promotes the connection",
    }),
    sampleRowLimit: z.number().int().nullable().meta({ description: "Rows read per stream per sync while in safe mode; null otherwise" }),
    config: z.record(z.string(), JsonValue).meta({
      description: "The type's settings, secrets masked (`********`) or left out",
      examples: [{ url: "postgresql://reader:********@db.example.test:5432/sales", schema: "public" }],
    }),
    secretsSet: z.array(z.string()).meta({ description: "The secret settings that hold a value", examples: [["url"]] }),
    lastSyncAt: Timestamp.nullable().meta({ description: "When the latest sync ended; null before the first" }),
    lastSyncStatus: SyncOutcome.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Connection" });
export type ConnectionDto = z.infer<typeof ConnectionDto>;

export const ConnectionAnswer = z.object({ connection: ConnectionDto });
export const ConnectionPage = listOf("connections", ConnectionDto);
export type ConnectionPage = z.infer<typeof ConnectionPage>;

/** A connection in the overview, with its mappings and latest schema change (snake_case, as it always answered). */
export const ConnectorSummary = z
  .object({
    id: Id,
    name: z.string(),
    source_type: ConnectionType,
    status: ConnectionStatus,
    mapping_count: z.number().int().meta({ description: "Source fields whose latest mapping is not rejected" }),
    has_drift: z.boolean().meta({ description: "A schema change waits for a person, or a breaking one was applied and is not resolved" }),
    last_event_type: DriftKind.nullable().meta({ description: "The kind of the latest schema change; null when none was seen" }),
    last_event_at: Timestamp.nullable(),
    last_sync_at: Timestamp.nullable(),
    last_sync_status: SyncOutcome.nullable(),
  })
  .meta({ id: "ConnectorSummary" });
export type ConnectorSummary = z.infer<typeof ConnectorSummary>;

export const ConnectorPage = listOf("connectors", ConnectorSummary);
export type ConnectorPage = z.infer<typeof ConnectorPage>;

/** A schema a stream was seen with: its fingerprint, fields and the profile of a sample. */
export const StreamSchema = z
  .object({
    fingerprint: z.string().meta({ description: "SHA-256 over the field names, types and nullability, in name order" }),
    fields: z.array(SchemaField),
    profile: SchemaProfile,
  })
  .meta({ id: "StreamSchema" });

export const StreamDto = z
  .object({
    name: z.string().meta({ description: "The table, object, collection or file", examples: ["accounts.csv"] }),
    status: z.enum(["active", "removed"]).meta({ description: "`removed` once the source no longer has it" }),
    recordCount: z.number().int(),
    lastReadAt: Timestamp.nullable(),
    schema: StreamSchema.nullable().meta({ description: "The accepted schema; null before the first" }),
    pendingSchema: StreamSchema.nullable().meta({ description: "A changed schema waiting for a person under the connection's policy" }),
  })
  .meta({ id: "Stream" });
export type StreamDto = z.infer<typeof StreamDto>;

export const StreamPage = listOf("streams", StreamDto);
export type StreamPage = z.infer<typeof StreamPage>;

export const UploadedFile = z
  .object({ name: z.string().meta({ examples: ["accounts.csv"] }), bytes: z.number().int() })
  .meta({ id: "UploadedFile" });
export type UploadedFile = z.infer<typeof UploadedFile>;

export const UploadedFilePage = listOf("files", UploadedFile);
export type UploadedFilePage = z.infer<typeof UploadedFilePage>;
export const UploadAnswer = z.object({ file: UploadedFile });

export const DriftEventDto = z
  .object({
    id: Id,
    connectionId: Id,
    stream: z.string(),
    kind: DriftKind,
    severity: Severity,
    field: z.string().nullable(),
    previousField: z.string().nullable().meta({ description: "For a rename: the field's former name" }),
    previousType: FieldType.nullable(),
    currentType: FieldType.nullable(),
    confidence: z.number().nullable().meta({ description: "For a rename: how sure the detector is, 0 to 1" }),
    details: z.record(z.string(), JsonValue).meta({ description: "The kind's own facts, and the policy's `decision`" }),
    status: DriftStatus,
    createdAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
  })
  .meta({ id: "DriftEvent" });
export type DriftEventDto = z.infer<typeof DriftEventDto>;

export const DriftEventPage = listOf("events", DriftEventDto);
export type DriftEventPage = z.infer<typeof DriftEventPage>;

/** A record as read from a connection, in its canonical form. */
export const ConnectionEvent = z
  .object({
    id: z.string().meta({ description: "`<segment id>:<row>`; pass as `cursor` to go on after it" }),
    tenantId: Id,
    connectionId: Id,
    stream: z.string(),
    sourceRecordId: z.string().meta({ description: "The record's key in its source (its primary key, or a hash of its content)" }),
    operation: z.enum(["upsert"]).meta({ description: "The record as read, new or changed" }),
    observedAt: Timestamp,
    payload: JsonValue.meta({ description: "The record's fields (nested documents use dotted paths)" }),
    schemaFingerprintId: Id,
  })
  .meta({ id: "ConnectionEvent" });
export type ConnectionEvent = z.infer<typeof ConnectionEvent>;

export const ConnectionEventPage = listOf("events", ConnectionEvent);
export type ConnectionEventPage = z.infer<typeof ConnectionEventPage>;

export const QuarantinedRecord = z
  .object({
    id: Id,
    stream: z.string(),
    reason: z.string().meta({ description: "Why it was kept out of the events", examples: ["row 4 has 3 values, the header 2"] }),
    location: z.string().nullable().meta({ description: "Where in the source, when the source says (a line, an offset)" }),
    raw: z.string().meta({ description: "The record as read" }),
    observedAt: Timestamp,
  })
  .meta({ id: "QuarantinedRecord" });
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

export const QuarantinePage = listOf("records", QuarantinedRecord);
export type QuarantinePage = z.infer<typeof QuarantinePage>;

/** A check is an answer either way: `ok: false` says why the source could not be reached. */
export const ConnectionCheck = z
  .discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), latencyMs: z.number().int().meta({ description: "How long connecting and signing in took" }) }),
    z.object({
      ok: z.literal(false),
      kind: ConnectorErrorKind.meta({
        description:
          "`config` and `auth` need a person (bad settings, rejected credentials); `unreachable` may pass on retry; `source`: the source answered something unusable",
      }),
      message: z.string().meta({ examples: ['password authentication failed for user "reader"'] }),
    }),
  ])
  .meta({ id: "ConnectionCheck" });
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** A stream as the source has it now, with a few sample records. */
export const DiscoveredStream = z
  .object({
    name: z.string(),
    fields: z.array(SchemaField),
    primaryKey: z.array(z.string()).nullable().meta({ description: "The fields that identify a record; null when it has none" }),
    cursorField: z.string().nullable().meta({ description: "The field incremental reads advance on; null for full reads" }),
    sample: z.array(z.record(z.string(), JsonValue)).meta({ description: "Up to five records" }),
  })
  .meta({ id: "DiscoveredStream" });

export const Discovery = z.object({
  streams: z.array(DiscoveredStream),
  problems: z
    .array(z.object({ stream: z.string(), message: z.string() }))
    .meta({ description: "Parts of the source that could not be discovered; the rest still was" }),
});
export type Discovery = z.infer<typeof Discovery>;

export const AcceptSchemaAnswer = z.object({
  accepted: z.number().int().meta({ description: "How many waiting changes were accepted" }),
  resumed: z.boolean().meta({ description: "The connection its policy had paused runs again" }),
});
export type AcceptSchemaAnswer = z.infer<typeof AcceptSchemaAnswer>;

export const PromotionResult = z.object({
  connection: ConnectionDto,
  streamsReset: z.number().int().meta({ description: "Streams whose read state was reset: the next sync reads them from the beginning" }),
  mappingsApproved: z
    .number()
    .int()
    .meta({ description: "Matcher proposals at or above the workspace's auto-approve threshold, approved now" }),
  sync: Task.nullable().meta({ description: "The full sync queued; null while the connection is paused (it runs on the next sync)" }),
});
export type PromotionResult = z.infer<typeof PromotionResult>;

/** The AAM's liveness: one database round trip. */
export const AamHealth = z
  .object({ status: z.enum(["ok", "down"]), database: ComponentStatus })
  .meta({ id: "AamHealth", description: "The same body answers 503 when the database is down" });
export type AamHealth = z.infer<typeof AamHealth>;
