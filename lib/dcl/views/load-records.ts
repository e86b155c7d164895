import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TenantScope } from "@/lib/auth/context";

const PAGE = 5_000;

type LatestRow = { source_record_id: string; operation: string; observed_at: Date; payload: string };

/** The staging table the views are projected from: every stream's records, latest version each. */
export const STAGING = `"_dcl"."records"`;

export async function createStaging(duck: DuckDBConnection) {
  await duck.run(`CREATE SCHEMA IF NOT EXISTS "_dcl"`);
  await duck.run(`CREATE OR REPLACE TABLE ${STAGING} (connection_id VARCHAR, stream VARCHAR, source_record_id VARCHAR, observed_at VARCHAR, payload VARCHAR)`);
}

/**
 * Copies one stream's current records (the newest version of each source record; deleted ones
 * left out) from the canonical event store into DuckDB staging, a page at a time, keyed on the
 * source record id. Values stay raw JSON text; projection and casts happen in DuckDB.
 */
export async function loadStream(scope: TenantScope, duck: DuckDBConnection, at: { connectionId: string; stream: string }): Promise<number> {
  const appender = await duck.createAppender("records", "_dcl");
  let after = "";
  let loaded = 0;
  try {
    for (;;) {
      const page = await scope.db.$queryRaw<LatestRow[]>`
        SELECT DISTINCT ON (source_record_id) source_record_id, operation, observed_at, payload::text AS payload
        FROM canonical_events
        WHERE tenant_id = ${scope.tenantId}::uuid AND connection_id = ${at.connectionId}::uuid AND stream = ${at.stream}
          AND source_record_id > ${after}
        ORDER BY source_record_id, observed_at DESC, id DESC
        LIMIT ${PAGE}`;
      for (const row of page) {
        if (row.operation === "delete") continue;
        appender.appendVarchar(at.connectionId);
        appender.appendVarchar(at.stream);
        appender.appendVarchar(row.source_record_id);
        appender.appendVarchar(row.observed_at.toISOString());
        appender.appendVarchar(row.payload);
        appender.endRow();
        loaded += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].source_record_id;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return loaded;
}
