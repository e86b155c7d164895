import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { StreamState } from "@/lib/aam/connectors/types";
import type { CanonicalEvent, Quarantined } from "./canonical-event";

const MAX_RAW_CHARS = 1_000_000;

/**
 * Commits one batch: its events, its quarantined records and the stream's new state, in one
 * transaction, so a read that dies resumes exactly after the last committed batch. Re-reading a
 * record already stored (same id, same content) changes nothing.
 */
export async function commitBatch(
  db: PrismaClient,
  batch: { tenantId: string; connectionId: string; stream: string; events: (CanonicalEvent & { recordHash: string })[]; quarantined: Quarantined[]; state: StreamState; observedAt: Date },
): Promise<{ stored: number; quarantined: number }> {
  return db.$transaction(
    async (tx) => {
      const stored = await insertEvents(tx, batch.events);
      const { count: quarantined } = await tx.quarantinedRecord.createMany({
        skipDuplicates: true,
        data: batch.quarantined.map((q) => ({
          tenantId: batch.tenantId,
          connectionId: batch.connectionId,
          stream: batch.stream,
          reason: q.reason.slice(0, 1000),
          location: q.location,
          raw: q.raw.length > MAX_RAW_CHARS ? `${q.raw.slice(0, MAX_RAW_CHARS)}\n[cut: ${q.raw.length} characters in all]` : q.raw,
          rawHash: createHash("sha256").update(`${q.location ?? ""}\n${q.raw}`).digest("hex"),
          observedAt: batch.observedAt,
        })),
      });
      await tx.connectionStream.update({
        where: { connectionId_name: { connectionId: batch.connectionId, name: batch.stream } },
        data: { state: batch.state === null ? Prisma.DbNull : (batch.state as Prisma.InputJsonValue), recordCount: { increment: stored }, lastReadAt: batch.observedAt },
      });
      return { stored, quarantined };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * Inserts events, skipping ones already stored (same record, same content). The rows travel as one
 * JSON document because Prisma's Json input drops a key named `__proto__`, which is a source field
 * like any other; PostgreSQL's own JSON parser keeps it.
 */
async function insertEvents(tx: Prisma.TransactionClient, events: (CanonicalEvent & { recordHash: string })[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    tenant_id: e.tenantId,
    connection_id: e.connectionId,
    stream: e.stream,
    source_record_id: e.sourceRecordId,
    operation: e.operation,
    observed_at: e.observedAt.toISOString(),
    payload: e.payload,
    fingerprint_id: e.schemaFingerprintId,
    record_hash: e.recordHash,
  }));
  return tx.$executeRaw`
    INSERT INTO canonical_events (id, tenant_id, connection_id, stream, source_record_id, operation, observed_at, payload, fingerprint_id, record_hash)
    SELECT gen_random_uuid(), r.tenant_id, r.connection_id, r.stream, r.source_record_id, r.operation, r.observed_at, r.payload, r.fingerprint_id, r.record_hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(tenant_id uuid, connection_id uuid, stream text, source_record_id text, operation text, observed_at timestamptz, payload jsonb, fingerprint_id uuid, record_hash text)
    ON CONFLICT DO NOTHING`;
}
