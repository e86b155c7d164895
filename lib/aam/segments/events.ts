import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore } from "@/lib/store";
import { EVENT_ID, type ConnectionEvent } from "@/lib/aam/schemas";

/**
 * Canonical events of a connection, newest first, read from its segments: segments newest first,
 * each one's rows from its last. `after` is the id of the last event of the previous page.
 */
export async function readEvents(
  scope: TenantScope,
  connectionId: string,
  options: { stream?: string; limit: number; after?: string },
): Promise<{ events: ConnectionEvent[]; nextCursor: string | null }> {
  const segments = await scope.db.recordSegment.findMany({
    where: { tenantId: scope.tenantId, connectionId, ...(options.stream ? { stream: options.stream } : {}) },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }, { id: "desc" }],
    select: { id: true, stream: true, rowCount: true, objectKey: true, fingerprintId: true },
  });
  let start = 0;
  let skip = 0;
  const after = options.after ? EVENT_ID.exec(options.after) : null;
  if (after) {
    start = segments.findIndex((s) => s.id === after[1]);
    if (start < 0) return { events: [], nextCursor: null };
    // Rows are read from the segment's last; a row number past its end (a forged cursor) starts at the top.
    skip = Math.max(0, segments[start]!.rowCount - Number(after[2]));
  }
  const want = options.limit + 1;
  const events: ConnectionEvent[] = [];
  const store = await getStore();
  await withDuckDb(async (duck) => {
    for (let i = start; i < segments.length && events.length < want; i++, skip = 0) {
      const segment = segments[i]!;
      if (skip >= segment.rowCount) continue;
      const file = await store.localPath(segment.objectKey);
      const rows = await duck.runAndReadAll(
        `SELECT file_row_number::BIGINT AS row, source_record_id, operation, observed_at, payload FROM read_parquet(${quoteLiteral(file)}, file_row_number = true)
         ORDER BY file_row_number DESC LIMIT ${want - events.length} OFFSET ${skip}`,
      );
      for (const r of rows.getRowObjectsJS()) {
        events.push({
          id: `${segment.id}:${String(r.row)}`,
          tenantId: scope.tenantId,
          connectionId,
          stream: segment.stream,
          sourceRecordId: String(r.source_record_id),
          operation: String(r.operation) as ConnectionEvent["operation"],
          observedAt: r.observed_at as Date,
          payload: JSON.parse(String(r.payload)),
          schemaFingerprintId: segment.fingerprintId,
        });
      }
    }
  });
  const items = events.slice(0, options.limit);
  return { events: items, nextCursor: events.length > options.limit ? items.at(-1)!.id : null };
}
