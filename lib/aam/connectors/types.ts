import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { UserFacingError } from "@/lib/errors";

/** The normalized field types every connector reports; the lattice drift detection reasons over. */
export const FieldType = z.enum(["string", "integer", "number", "boolean", "date", "timestamp", "json"]);
export type FieldType = z.infer<typeof FieldType>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One record as read: flat keys (nested documents use dotted paths), JSON-safe values. */
export type SourceRecord = Record<string, JsonValue>;

export type SourceField = {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** The source's own type name (`timestamptz`, `currency`, ...), when it declares one. */
  sourceType?: string;
};

/** A table, object, collection or file, as `discover()` finds it. */
export type SourceStream = {
  name: string;
  fields: SourceField[];
  /** Fields whose values identify a record; null when the source has no key (records are then identified by content). */
  primaryKey: string[] | null;
  /** The field incremental reads advance on; null for full-refresh streams. */
  cursorField: string | null;
  /** Up to `SAMPLE_SIZE` records, for profiles and mapping suggestions. */
  sample: SourceRecord[];
};

/** A piece of a source that could not be discovered; the rest of the source still is. */
export type DiscoveryProblem = { stream: string; message: string };

export type DiscoverResult = { streams: SourceStream[]; problems: DiscoveryProblem[] };

/** Opaque per-stream connector state (cursor, offset, file hash). null means "from the beginning". */
export type StreamState = { [key: string]: JsonValue } | null;

/** A record the connector could not parse; kept in quarantine, never dropped. */
export type RejectedRecord = { raw: string; reason: string; location?: string };

/**
 * A batch of records plus the state to resume after it. The sync commits the records and the
 * state together, so a read that dies mid-way resumes at the last committed batch.
 */
export type ReadBatch = { records: SourceRecord[]; rejects: RejectedRecord[]; state: StreamState };

/** `batchSize`: the most records one batch holds; callers pass a positive integer. */
export type ReadOptions = { batchSize: number; signal?: AbortSignal };

/**
 * A read DuckDB does itself: `relation` is SQL for the caller's DuckDB connection over the new
 * rows, in the source's order, one column `payload` (VARCHAR JSON), never crossing into
 * JavaScript; null when nothing changed. `accepted()` says whether every row parsed (false: the
 * caller reads the stream with `read` instead), and `state(rows)` is the state after reading that
 * many rows. `close()` releases what the relation
 * reads; call it in any case.
 */
export type TabularRead = {
  relation: string | null;
  state(rows: number): StreamState;
  accepted(): Promise<boolean>;
  close(): Promise<void>;
};

/** What every source type implements. Instances hold open clients: always `close()` them. */
export interface Connector {
  /** Connects and authenticates; throws ConnectorError with a message fit for the user. */
  check(): Promise<void>;
  discover(): Promise<DiscoverResult>;
  /** Reads the stream from `state` on. The last batch's state is where the next sync starts. */
  read(stream: SourceStream, state: StreamState, options: ReadOptions): AsyncIterable<ReadBatch>;
  /**
   * Optional fast path for sources DuckDB can parse (delimited files): the same read as `read`,
   * done in DuckDB on `duck`. Null when this stream or file needs `read` (the rules DuckDB cannot
   * follow exactly, such as rows to quarantine, stay with `read`).
   */
  readTabular?(stream: SourceStream, state: StreamState, duck: DuckDBConnection): Promise<TabularRead | null>;
  close(): Promise<void>;
}

export const SAMPLE_SIZE = 100;

/**
 * `config` and `auth` failures need a person (bad settings, rejected credentials); `unreachable`
 * may pass on retry; `source` is the source answering something unusable.
 */
export const ConnectorErrorKind = z.enum(["config", "auth", "unreachable", "source"]);
export type ConnectorErrorKind = z.infer<typeof ConnectorErrorKind>;

/** A connector failure whose message is safe to show (no secrets, no stack). */
export class ConnectorError extends UserFacingError {
  readonly kind: ConnectorErrorKind;
  constructor(kind: ConnectorErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
  get retriable(): boolean {
    return this.kind === "unreachable";
  }
}

/**
 * A source the connector will not use as configured, for a reason the person must fix (safe mode's
 * write guard). The API answers it 422; a check reports it as failed; a sync fails without retrying.
 */
export class ConnectorRefusedError extends ConnectorError {
  constructor(message: string) {
    super("config", message);
  }
}
