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
      const { count: stored } = await tx.canonicalEvent.createMany({
        skipDuplicates: true,
        data: batch.events.map((e) => ({
          tenantId: e.tenantId,
          connectionId: e.connectionId,
          stream: e.stream,
          sourceRecordId: e.sourceRecordId,
          operation: e.operation,
          observedAt: e.observedAt,
          payload: e.payload as Prisma.InputJsonValue,
          fingerprintId: e.schemaFingerprintId,
          recordHash: e.recordHash,
        })),
      });
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
