import type { Connection, ConnectionStream, DriftEvent, SchemaFingerprint } from "@/lib/generated/prisma/client";
import { connectorSpec } from "@/lib/aam/connectors/registry";
import { maskSecrets } from "@/lib/crypto/mask-secrets";

/** The API's and the pages' view of a connection: the config with secrets removed or masked, and which secrets are set. */
export function toConnectionDto(row: Connection, config: Record<string, unknown>) {
  const spec = connectorSpec(row.type);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    statusMessage: row.statusMessage,
    schemaPolicy: row.schemaPolicy,
    /** Sampled and read-only; nothing applied or materialized until promoted (lib/aam/safe-mode.ts). */
    safeMode: row.safeMode,
    /** Rows read per stream per sync while in safe mode; null otherwise. */
    sampleRowLimit: row.sampleRowLimit,
    config: maskSecrets(spec.describe(config)),
    secretsSet: spec.secrets.filter((key) => config[key] !== undefined && config[key] !== ""),
    lastSyncAt: row.lastSyncAt,
    lastSyncStatus: row.lastSyncStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ConnectionDto = ReturnType<typeof toConnectionDto>;

export function toStreamDto(stream: ConnectionStream, accepted: SchemaFingerprint | null, pending: SchemaFingerprint | null) {
  return {
    name: stream.name,
    status: stream.status,
    recordCount: stream.recordCount,
    lastReadAt: stream.lastReadAt,
    schema: accepted ? { fingerprint: accepted.hash, fields: accepted.fields, profile: accepted.profile } : null,
    pendingSchema: pending ? { fingerprint: pending.hash, fields: pending.fields, profile: pending.profile } : null,
  };
}
export type StreamDto = ReturnType<typeof toStreamDto>;

export function toDriftEventDto(event: DriftEvent) {
  return {
    id: event.id,
    connectionId: event.connectionId,
    stream: event.stream,
    kind: event.kind,
    severity: event.severity,
    field: event.field,
    previousField: event.previousField,
    previousType: event.previousType,
    currentType: event.currentType,
    confidence: event.confidence,
    details: event.details,
    status: event.status,
    createdAt: event.createdAt,
    resolvedAt: event.resolvedAt,
  };
}
export type DriftEventDto = ReturnType<typeof toDriftEventDto>;
