import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TenantScope } from "@/lib/auth/context";
import type { RejectedRecord, SourceRecord, SourceStream, StreamState } from "@/lib/aam/connectors/types";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore, storeKeys } from "@/lib/store";
import { PARQUET_OPTIONS, parquetRelation, SEGMENT_COLUMNS, segmentsOfStreams } from "./catalog";
import { recordIdSql, recordProblemSql } from "./identity";

const MAX_RAW_CHARS = 1_000_000;

export type SegmentTarget = { connectionId: string; streamId: string; stream: SourceStream; fingerprintId: string };
export type Stored = { stored: number; quarantined: number };

/**
 * Writes a stream's records as immutable Parquet segments. Records gather in a DuckDB temporary
 * table (from JavaScript batches, or straight from a file DuckDB parses); `commit` identifies them,
 * drops the ones whose latest stored version has the same content, writes the rest as one segment
 * in the store, and then commits the segment's catalog row, the quarantined records and the
 * stream's new read state in one PostgreSQL transaction. A read that dies before that commit
 * resumes from the previous state, and its file, never catalogued, is garbage (lib/store/garbage.ts).
 * One writer per stream at a time: syncs of a connection hold its lock.
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

  /** A fresh `incoming` table: its rowid is the order records arrived in. */
  private async clear() {
    await this.duck.run(`CREATE OR REPLACE TEMP TABLE incoming (location VARCHAR, payload VARCHAR)`);
  }

  /** Records and rejects read in JavaScript. */
  async append(records: SourceRecord[], rejects: RejectedRecord[] = []): Promise<void> {
    this.rejects.push(...rejects);
    if (records.length === 0) return;
    const appender = await this.duck.createAppender("incoming", "main", "temp");
    try {
      for (const record of records) {
        appender.appendNull();
        appender.appendVarchar(JSON.stringify(record));
        appender.endRow();
      }
      this.pending += records.length;
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /**
   * Stores what has gathered as one segment and commits it with `state`. `table` names another
   * temporary table of the same shape as `incoming` (location, payload; rowid the order read) to
   * store instead: a file DuckDB read itself.
   */
  async commit(state: StreamState, table = "incoming"): Promise<Stored> {
    const { scope, duck, target } = this;
    const observedAt = new Date();
    const id = recordIdSql(target.stream);
    await duck.run(`CREATE OR REPLACE TEMP VIEW keyed AS SELECT rowid AS ord, location, payload, ${id} AS source_record_id, ${recordProblemSql(target.stream, id)} AS problem FROM ${table}`);
    const counts = (
      await duck.runAndReadAll(`SELECT count(*) FILTER (problem IS NOT NULL)::BIGINT AS problems,
        (count(*) FILTER (problem IS NULL) - count(DISTINCT source_record_id) FILTER (problem IS NULL))::BIGINT AS repeats FROM keyed`)
    ).getRowObjectsJS()[0]!;
    const problems = Number(counts.problems) > 0 ? (await duck.runAndReadAll(`SELECT problem, location, payload FROM keyed WHERE problem IS NOT NULL ORDER BY ord`)).getRowObjectsJS() : [];
    const quarantined: RejectedRecord[] = [
      ...this.rejects,
      ...problems.map((p) => ({ reason: String(p.problem), location: p.location === null ? undefined : String(p.location), raw: String(p.payload) })),
    ];
    // A record read twice in one batch keeps its last version. Grouping holds every payload in
    // memory at once, so it runs only when some id repeats (rare): without it a batch streams.
    const latestInBatch = Number(counts.repeats) > 0
      ? `(SELECT source_record_id, arg_max(payload, ord) AS payload FROM keyed WHERE problem IS NULL GROUP BY source_record_id)`
      : `(SELECT source_record_id, payload FROM keyed WHERE problem IS NULL)`;

    const earlier = (await segmentsOfStreams(scope, [target.streamId])).get(target.streamId)!;
    const seq = (earlier.at(-1)?.seq ?? 0) + 1;
    // The newest version of each record in this batch, unless the stream's latest stored version is the same.
    const latestEarlier = earlier.length
      ? `WHERE NOT EXISTS (SELECT 1 FROM (SELECT source_record_id, arg_max(record_hash, seq) AS record_hash FROM ${parquetRelation(earlier.map((s) => s.path))} GROUP BY source_record_id) e
           WHERE e.source_record_id = b.source_record_id AND e.record_hash = b.record_hash)`
      : "";
    const fresh = `SELECT ${seq}::INTEGER AS seq, source_record_id, 'upsert' AS operation, ${quoteLiteral(observedAt.toISOString())}::TIMESTAMPTZ AS observed_at, payload, record_hash
      FROM (SELECT source_record_id, payload, md5(payload) AS record_hash FROM ${latestInBatch}) b
      ${latestEarlier}`;

    const store = await getStore();
    const segmentId = randomUUID();
    const objectKey = storeKeys.segment({ tenantId: scope.tenantId, connectionId: target.connectionId, streamId: target.streamId, segmentId });
    const scratch = await store.scratchFile(".parquet");
    const written = await duck.runAndReadAll(`COPY (SELECT ${SEGMENT_COLUMNS} FROM (${fresh})) TO ${quoteLiteral(scratch)} (${PARQUET_OPTIONS})`);
    const rows = Number(written.getRowObjectsJS()[0]!.Count);
    let bytes = 0;
    if (rows > 0) bytes = await store.put(objectKey, scratch);
    else await rm(scratch, { force: true });
    try {
      return await this.commitCatalog({ segmentId, objectKey, seq, rows, bytes, state, observedAt, quarantined });
    } catch (error) {
      // Not catalogued: the file is garbage now, deleted at once rather than by the collector.
      if (rows > 0) await store.delete([objectKey]).catch(() => undefined);
      throw error;
    } finally {
      await duck.run(`DROP VIEW keyed`);
      if (table === "incoming") await this.clear();
      else await duck.run(`DROP TABLE ${table}`);
      this.rejects = [];
      this.pending = 0;
      this.cursorFrom = state;
    }
  }

  private async commitCatalog(c: { segmentId: string; objectKey: string; seq: number; rows: number; bytes: number; state: StreamState; observedAt: Date; quarantined: RejectedRecord[] }): Promise<Stored> {
    const { scope, target } = this;
    const json = (value: StreamState) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));
    return scope.db.$transaction(
      async (tx) => {
        if (c.rows > 0) {
          await tx.recordSegment.create({
            data: {
              id: c.segmentId, tenantId: scope.tenantId, connectionId: target.connectionId, streamId: target.streamId, stream: target.stream.name, seq: c.seq,
              fingerprintId: target.fingerprintId, rowCount: c.rows, bytes: BigInt(c.bytes), objectKey: c.objectKey, cursorFrom: json(this.cursorFrom), cursorTo: json(c.state), createdAt: c.observedAt,
            },
          });
        }
        let quarantined = 0;
        for (let i = 0; i < c.quarantined.length; i += 1_000) {
          const { count } = await tx.quarantinedRecord.createMany({ skipDuplicates: true, data: c.quarantined.slice(i, i + 1_000).map((q) => quarantineRow(scope.tenantId, target, q, c.observedAt)) });
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

function quarantineRow(tenantId: string, target: SegmentTarget, q: RejectedRecord, observedAt: Date) {
  return {
    tenantId,
    connectionId: target.connectionId,
    stream: target.stream.name,
    reason: q.reason.slice(0, 1000),
    location: q.location,
    raw: q.raw.length > MAX_RAW_CHARS ? `${q.raw.slice(0, MAX_RAW_CHARS)}\n[cut: ${q.raw.length} characters in all]` : q.raw,
    rawHash: createHash("sha256").update(`${q.location ?? ""}\n${q.raw}`).digest("hex"),
    observedAt,
  };
}
