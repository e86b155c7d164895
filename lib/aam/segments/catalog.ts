import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore } from "@/lib/store";

/** Columns of every segment file, in order. */
export const SEGMENT_COLUMNS = "seq, source_record_id, operation, observed_at, payload, record_hash";

export type SegmentFile = { id: string; seq: number; rowCount: number; path: string };

/** The stream's committed segments, oldest first, with a local path to read each. */
export async function streamSegments(scope: TenantScope, streamId: string): Promise<SegmentFile[]> {
  const rows = await scope.db.recordSegment.findMany({ where: { tenantId: scope.tenantId, streamId }, orderBy: { seq: "asc" }, select: { id: true, seq: true, rowCount: true, objectKey: true } });
  const store = await getStore();
  return Promise.all(rows.map(async (r) => ({ id: r.id, seq: r.seq, rowCount: r.rowCount, path: await store.localPath(r.objectKey) })));
}

/** `read_parquet` over the files (which must be non-empty), as a SQL relation. */
export function parquetRelation(paths: string[], options = ""): string {
  return `read_parquet([${paths.map(quoteLiteral).join(", ")}]${options ? `, ${options}` : ""})`;
}

/**
 * The stream's current records as a SQL relation: the latest version of each source record (the
 * one in the highest segment), deleted ones left out. One segment needs no grouping: a segment
 * holds each record once.
 */
export function currentRecordsSql(segments: SegmentFile[]): string {
  if (segments.length === 0) return `(SELECT NULL::VARCHAR AS source_record_id, NULL::TIMESTAMPTZ AS observed_at, NULL::VARCHAR AS payload WHERE false)`;
  const files = parquetRelation(segments.map((s) => s.path));
  if (segments.length === 1) return `(SELECT source_record_id, observed_at, payload FROM ${files} WHERE operation <> 'delete')`;
  return `(SELECT source_record_id, observed_at, payload FROM (
      SELECT source_record_id, arg_max(observed_at, seq) AS observed_at, arg_max(payload, seq) AS payload, arg_max(operation, seq) AS operation
      FROM ${files} GROUP BY source_record_id) WHERE operation <> 'delete')`;
}
