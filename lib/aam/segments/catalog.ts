import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore } from "@/lib/store";

/**
 * How every data-plane Parquet file is written: zstd at its fastest level, which also compresses
 * JSON text best here. A segment's columns are seq, source_record_id, operation, observed_at,
 * payload, record_hash, and problem (null in every stored row: the staging column of the one-pass
 * write, absent from segments written before it); readers name the columns they read.
 */
export const PARQUET_OPTIONS = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1";

export type SegmentFile = { seq: number; objectKey: string };
/** A segment with a local path to read it from. */
export type LocalSegment = { seq: number; path: string };

/** Each stream's committed segments, oldest first: one query for all the streams. */
export async function segmentsOfStreams(scope: TenantScope, streamIds: string[]): Promise<Map<string, SegmentFile[]>> {
  const rows = await scope.db.recordSegment.findMany({
    where: { tenantId: scope.tenantId, streamId: { in: streamIds } },
    orderBy: { seq: "asc" },
    select: { streamId: true, seq: true, objectKey: true },
  });
  const out = new Map<string, SegmentFile[]>(streamIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.streamId)!.push({ seq: r.seq, objectKey: r.objectKey });
  return out;
}

/** Local paths for the segments about to be read (from object storage, a download each not yet cached). */
export async function localSegments(segments: SegmentFile[]): Promise<LocalSegment[]> {
  const store = await getStore();
  const out: LocalSegment[] = [];
  for (const s of segments) out.push({ seq: s.seq, path: await store.localPath(s.objectKey) });
  return out;
}

/** `read_parquet` over the files (which must be non-empty), as a SQL relation; files with more columns than others are read together. */
export function parquetRelation(paths: string[]): string {
  return `read_parquet([${paths.map(quoteLiteral).join(", ")}], union_by_name = true)`;
}

/**
 * The stream's current records as a SQL relation: the latest version of each source record (the
 * one in the highest segment), deleted ones left out. One segment needs no grouping: a segment
 * holds each record once.
 */
export function currentRecordsSql(segments: LocalSegment[]): string {
  if (segments.length === 0)
    return `(SELECT NULL::VARCHAR AS source_record_id, NULL::TIMESTAMPTZ AS observed_at, NULL::VARCHAR AS payload WHERE false)`;
  const files = parquetRelation(segments.map((s) => s.path));
  if (segments.length === 1) return `(SELECT source_record_id, observed_at, payload FROM ${files} WHERE operation <> 'delete')`;
  // Which segment holds each record's latest version is found from ids alone; the payloads then
  // stream through a join instead of all sitting in one aggregate's memory.
  return `(SELECT r.source_record_id, r.observed_at, r.payload FROM ${files} r
      JOIN (SELECT source_record_id, max(seq) AS seq FROM ${files} GROUP BY source_record_id) latest USING (source_record_id, seq)
      WHERE r.operation <> 'delete')`;
}
