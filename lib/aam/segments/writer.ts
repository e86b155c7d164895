import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TenantScope } from "@/lib/auth/context";
import type { RejectedRecord, SourceRecord, SourceStream, StreamState, TabularRead } from "@/lib/aam/connectors/types";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore, storeKeys } from "@/lib/store";
import { localSegments, PARQUET_OPTIONS, parquetRelation, segmentsOfStreams, type LocalSegment } from "./catalog";
import { recordIdSql, recordProblemSql } from "./identity";

const MAX_RAW_CHARS = 1_000_000;

export type SegmentTarget = { connectionId: string; streamId: string; stream: SourceStream; fingerprintId: string };
export type Stored = { stored: number; quarantined: number };

/**
 * Writes a stream's records as immutable Parquet segments. Records come from JavaScript batches
 * (gathered in a DuckDB temporary table until `commit`) or straight from a file DuckDB parses
 * (`commitTabular`); either way DuckDB identifies them, drops the ones whose latest stored version
 * has the same content, writes the rest as one segment in the store, and then the segment's
 * catalog row, the quarantined records and the stream's new read state are committed in one
 * PostgreSQL transaction. A read that dies before that commit resumes from the previous state,
 * and its file, never catalogued, is garbage (lib/store/garbage.ts). One writer per stream at a
 * time: syncs of a connection hold its lock.
 */
export class SegmentWriter {
  /** Records gathered since the last commit. */
  pending = 0;
  private rejects: RejectedRecord[] = [];
  private cursorFrom: StreamState;

  private constructor(
    private readonly scope: TenantScope,
    private readonly duck: DuckDBConnection,
    private readonly target: SegmentTarget,
    state: StreamState,
  ) {
    this.cursorFrom = state;
  }

  static async open(scope: TenantScope, duck: DuckDBConnection, target: SegmentTarget, state: StreamState): Promise<SegmentWriter> {
    const writer = new SegmentWriter(scope, duck, target, state);
    await writer.clear();
    return writer;
  }

  /** A fresh `incoming` table, scanned in the order records arrived in. */
  private async clear() {
    await this.duck.run(`CREATE OR REPLACE TEMP TABLE incoming (payload VARCHAR)`);
  }

  /** Records and rejects read in JavaScript. */
  async append(records: SourceRecord[], rejects: RejectedRecord[] = []): Promise<void> {
    this.rejects.push(...rejects);
    if (records.length === 0) return;
    const appender = await this.duck.createAppender("incoming", "main", "temp");
    try {
      for (const record of records) {
        appender.appendVarchar(JSON.stringify(record));
        appender.endRow();
      }
      this.pending += records.length;
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** Stores the records appended since the last commit as one segment and commits it with `state`. */
  async commit(state: StreamState): Promise<Stored> {
    try {
      return (await this.store("incoming", () => state))!;
    } finally {
      await this.clear();
    }
  }

  /** Stores the rows of a read DuckDB does itself as one segment; null, storing nothing, when the read was not accepted. */
  async commitTabular(read: TabularRead & { relation: string }): Promise<Stored | null> {
    return this.store(read.relation, read.state, read.accepted);
  }

  /**
   * Writes the rows of `from` (a relation with a `payload` column, in the order read) in one pass
   * as a staging file with each record's id, problem (lib/aam/segments/identity.ts) and hash. The
   * common case, a batch of new, distinct, valid records, is then the segment itself; a batch with
   * records to quarantine, an id read twice, or a stream with earlier segments (whose latest
   * version of a record may have the same content) is rewritten without them. Then the segment
   * goes into the store, and its catalog row, the quarantined records and the stream's new read
   * state into PostgreSQL in one transaction.
   */
  private async store(from: string, stateAfter: (rows: number) => StreamState, accepted?: () => Promise<boolean>): Promise<Stored | null> {
    // A read DuckDB could not take whole is read again in JavaScript: nothing to fetch or write for it.
    if (accepted && !(await accepted())) return null;
    const { scope, duck, target } = this;
    const observedAt = new Date();
    const earlier = await localSegments((await segmentsOfStreams(scope, [target.streamId])).get(target.streamId)!);
    const seq = (earlier.at(-1)?.seq ?? 0) + 1;
    const store = await getStore();
    const files: string[] = [];
    const scratch = async () => {
      files.push(await store.scratchFile(".parquet"));
      return files.at(-1)!;
    };
    try {
      const staging = await scratch();
      const id = recordIdSql(target.stream);
      const read = await duck.runAndReadAll(`COPY (
        SELECT ${seq}::INTEGER AS seq, source_record_id, 'upsert' AS operation, ${quoteLiteral(observedAt.toISOString())}::TIMESTAMPTZ AS observed_at,
          payload, md5(payload) AS record_hash, ${recordProblemSql(target.stream, "source_record_id")} AS problem
        FROM (SELECT payload, ${id} AS source_record_id FROM ${from})) TO ${quoteLiteral(staging)} (${PARQUET_OPTIONS})`);
      const rowsRead = Number(read.getRowObjectsJS()[0]!.Count);

      const staged = `read_parquet(${quoteLiteral(staging)}, file_row_number = true)`;
      const counts = (
        await duck.runAndReadAll(`SELECT count(*) FILTER (problem IS NOT NULL)::BIGINT AS problems,
        (count(*) FILTER (problem IS NULL) - count(DISTINCT source_record_id) FILTER (problem IS NULL))::BIGINT AS repeats FROM ${staged}`)
      ).getRowObjectsJS()[0]!;
      const [problems, repeats] = [Number(counts.problems), Number(counts.repeats)];
      const quarantined: RejectedRecord[] = [
        ...this.rejects,
        ...(problems > 0
          ? (
              await duck.runAndReadAll(`SELECT problem, payload FROM ${staged} WHERE problem IS NOT NULL ORDER BY file_row_number`)
            ).getRowObjectsJS()
          : []
        ).map((p) => ({ reason: String(p.problem), raw: String(p.payload) })),
      ];
      let segment = staging;
      let rows = rowsRead;
      if (problems > 0 || repeats > 0 || earlier.length > 0) {
        segment = await scratch();
        const written = await duck.runAndReadAll(
          `COPY (${freshSql({ staged, seq, observedAt, repeats: repeats > 0, earlier })}) TO ${quoteLiteral(segment)} (${PARQUET_OPTIONS})`,
        );
        rows = Number(written.getRowObjectsJS()[0]!.Count);
      }

      const segmentId = randomUUID();
      const objectKey = storeKeys.segment({
        tenantId: scope.tenantId,
        connectionId: target.connectionId,
        streamId: target.streamId,
        segmentId,
      });
      const bytes = rows > 0 ? await store.put(objectKey, segment) : 0;
      const state = stateAfter(rowsRead);
      try {
        return await this.commitCatalog({ segmentId, objectKey, seq, rows, bytes, state, observedAt, quarantined });
      } catch (error) {
        // Not catalogued: the file is garbage now, deleted at once rather than by the collector.
        if (rows > 0) await store.delete([objectKey]).catch(() => undefined);
        throw error;
      } finally {
        this.cursorFrom = state;
      }
    } finally {
      await Promise.all(files.map((f) => rm(f, { force: true })));
      this.rejects = [];
      this.pending = 0;
    }
  }

  private async commitCatalog(c: {
    segmentId: string;
    objectKey: string;
    seq: number;
    rows: number;
    bytes: number;
    state: StreamState;
    observedAt: Date;
    quarantined: RejectedRecord[];
  }): Promise<Stored> {
    const { scope, target } = this;
    const json = (value: StreamState) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));
    return scope.db.$transaction(
      async (tx) => {
        if (c.rows > 0) {
          await tx.recordSegment.create({
            data: {
              id: c.segmentId,
              tenantId: scope.tenantId,
              connectionId: target.connectionId,
              streamId: target.streamId,
              stream: target.stream.name,
              seq: c.seq,
              fingerprintId: target.fingerprintId,
              rowCount: c.rows,
              bytes: BigInt(c.bytes),
              objectKey: c.objectKey,
              cursorFrom: json(this.cursorFrom),
              cursorTo: json(c.state),
              createdAt: c.observedAt,
            },
          });
        }
        let quarantined = 0;
        for (let i = 0; i < c.quarantined.length; i += 1_000) {
          const { count } = await tx.quarantinedRecord.createMany({
            skipDuplicates: true,
            data: c.quarantined.slice(i, i + 1_000).map((q) => quarantineRow(scope.tenantId, target, q, c.observedAt)),
          });
          quarantined += count;
        }
        await tx.connectionStream.update({
          where: { id: target.streamId },
          data: { state: json(c.state), recordCount: { increment: c.rows }, lastReadAt: c.observedAt },
        });
        return { stored: c.rows, quarantined };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }
}

/**
 * A segment's rows from its staging file: valid records only, each id's last version in the batch,
 * and none whose latest stored version (in the `earlier` segments) has the same content.
 */
function freshSql({
  staged,
  seq,
  observedAt,
  repeats,
  earlier,
}: {
  staged: string;
  seq: number;
  observedAt: Date;
  repeats: boolean;
  earlier: LocalSegment[];
}): string {
  const valid = `(SELECT source_record_id, payload, record_hash, file_row_number AS ord FROM ${staged} WHERE problem IS NULL)`;
  // Grouping holds every payload in memory at once, so it runs only when some id repeats (rare).
  const latest = repeats
    ? `(SELECT source_record_id, arg_max(payload, ord) AS payload, arg_max(record_hash, ord) AS record_hash FROM ${valid} GROUP BY source_record_id)`
    : valid;
  // Only the earlier versions of this batch's ids are grouped, not the whole stream's.
  const unchanged = earlier.length
    ? `WHERE NOT EXISTS (SELECT 1 FROM (SELECT source_record_id, arg_max(record_hash, seq) AS record_hash FROM ${parquetRelation(earlier.map((s) => s.path))}
         WHERE source_record_id IN (SELECT source_record_id FROM ${valid}) GROUP BY source_record_id) e
       WHERE e.source_record_id = b.source_record_id AND e.record_hash = b.record_hash)`
    : "";
  return `SELECT ${seq}::INTEGER AS seq, source_record_id, 'upsert' AS operation, ${quoteLiteral(observedAt.toISOString())}::TIMESTAMPTZ AS observed_at,
    payload, record_hash, NULL::VARCHAR AS problem FROM ${latest} b ${unchanged}`;
}

/** PostgreSQL text holds no NUL character: one in a rejected row would fail the whole commit, so it is kept as U+FFFD. */
const withoutNul = (text: string) => text.replaceAll("\u0000", "\uFFFD");

function quarantineRow(tenantId: string, target: SegmentTarget, q: RejectedRecord, observedAt: Date) {
  const raw = withoutNul(q.raw);
  return {
    tenantId,
    connectionId: target.connectionId,
    stream: target.stream.name,
    reason: withoutNul(q.reason).slice(0, 1000),
    location: q.location,
    raw: raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}\n[cut: ${raw.length} characters in all]` : raw,
    rawHash: createHash("sha256")
      .update(`${q.location ?? ""}\n${raw}`)
      .digest("hex"),
    observedAt,
  };
}
