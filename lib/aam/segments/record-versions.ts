import "server-only";
import { createHash } from "node:crypto";
import type { TenantScope } from "@/lib/auth/context";
import { localSegments } from "@/lib/aam/segments/catalog";
import { log } from "@/lib/log";
import { answerCache, type AnswerCache } from "@/lib/dcl/views/page-cache";
import { withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";

/** A committed segment, as the catalog lists it. */
export type SegmentRow = { id: string; streamId: string; seq: number; objectKey: string; rowCount: number };

/**
 * What the tenant's segments hold: `current` records (the latest version of each source record of
 * each stream, deleted ones left out: old versions are not counted again), and per segment how many
 * of its rows were records seen for the first time (the rest are new versions of earlier ones).
 */
export type RecordVersions = { current: number; firstSeen: Map<string, number> };

const globalForCache = globalThis as unknown as { aosRecordVersions?: AnswerCache };
/** Segments never change, so an answer keyed by the set of segments it read is never stale. */
const cache = (globalForCache.aosRecordVersions ??= answerCache({ maxEntries: 2_000, maxBytes: 16 * 1024 * 1024 }));

/** Reads the records' ids from the segments once per set of segments (DuckDB reads the id, seq and operation columns only). */
export async function recordVersions(scope: TenantScope, segments: SegmentRow[]): Promise<RecordVersions> {
  if (segments.length === 0) return { current: 0, firstSeen: new Map() };
  const key = `${scope.tenantId}:${createHash("sha256")
    .update(
      segments
        .map((s) => s.id)
        .sort()
        .join(","),
    )
    .digest("hex")}`;
  const answer = await cache.get(
    key,
    () => countVersions(segments),
    (a) => 200 + a.firstSeen.length * 64,
  );
  return { current: answer.current, firstSeen: new Map(answer.firstSeen) };
}

async function countVersions(segments: SegmentRow[]): Promise<{ current: number; firstSeen: [string, number][] }> {
  const local = await localSegments(segments.map((s) => ({ seq: s.seq, objectKey: s.objectKey })));
  const files = local.map((l, i) => `(${quoteLiteral(l.path)}, ${quoteLiteral(segments[i]!.streamId)})`).join(", ");
  const sql = `WITH files(path, stream) AS (VALUES ${files}),
    versions AS (
      SELECT f.stream, r.seq, r.source_record_id, r.operation
      FROM read_parquet([${local.map((l) => quoteLiteral(l.path)).join(", ")}], union_by_name = true, filename = true) r JOIN files f ON f.path = r.filename),
    records AS (SELECT stream, source_record_id, min(seq) AS first_seq, arg_max(operation, seq) AS last_operation FROM versions GROUP BY stream, source_record_id)
    SELECT stream, first_seq AS seq, count(*)::BIGINT AS first_seen, (count(*) FILTER (WHERE last_operation <> 'delete'))::BIGINT AS current
    FROM records GROUP BY stream, first_seq`;
  const rows = await withDuckDb(async (duck) => (await duck.runAndReadAll(sql)).getRowObjectsJS());
  const idOf = new Map(segments.map((s) => [`${s.streamId}:${s.seq}`, s.id]));
  const firstSeen: [string, number][] = [];
  let current = 0;
  for (const r of rows) {
    current += Number(r.current);
    const id = idOf.get(`${String(r.stream)}:${Number(r.seq)}`);
    if (id) firstSeen.push([id, Number(r.first_seen)]);
  }
  return { current, firstSeen };
}

/**
 * Records held per stream id (each source record once, in its latest version), or null when the
 * segment files could not be read: a page then shows the rest without these counts.
 */
export async function recordsHeldByStream(scope: TenantScope, segments: SegmentRow[]): Promise<Map<string, number> | null> {
  try {
    const counted = await Promise.all(
      [...Map.groupBy(segments, (s) => s.streamId)].map(
        async ([streamId, own]) => [streamId, (await recordVersions(scope, own)).current] as const,
      ),
    );
    return new Map(counted);
  } catch (error) {
    log.warn("records held not counted", { tenantId: scope.tenantId, error });
    return null;
  }
}
