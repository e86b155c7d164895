import type { Connection, ConnectionStream, DriftEvent, SchemaFingerprint } from "@/lib/generated/prisma/client";
import { connectorSpec } from "@/lib/aam/connectors/registry";
import type { FieldType, JsonValue } from "@/lib/aam/connectors/types";
import type { DriftKind, Severity } from "@/lib/aam/drift/types";
import type { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import type { ConnectionDto, DriftEventDto, StreamDto, SyncOutcome } from "@/lib/aam/schemas";
import { maskSecrets } from "@/lib/crypto/mask-secrets";

export type { ConnectionDto, DriftEventDto, StreamDto };

/**
 * Rows as the API and the pages show them (the schemas in lib/aam/schemas.ts). Columns the
 * database keeps as text or JSON are narrowed to what the code writes into them.
 */

/** A connection: the config with secrets removed or masked, and which secrets are set. */
export function toConnectionDto(row: Connection, config: Record<string, unknown>): ConnectionDto {
  const spec = connectorSpec(row.type);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    statusMessage: row.statusMessage,
    schemaPolicy: row.schemaPolicy,
    safeMode: row.safeMode,
    sampleRowLimit: row.sampleRowLimit,
    config: maskSecrets(spec.describe(config)) as Record<string, JsonValue>,
    secretsSet: spec.secrets.filter((key) => config[key] !== undefined && config[key] !== ""),
    lastSyncAt: row.lastSyncAt,
    lastSyncStatus: row.lastSyncStatus as SyncOutcome | null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toStreamDto(stream: ConnectionStream, accepted: SchemaFingerprint | null, pending: SchemaFingerprint | null): StreamDto {
  return {
    name: stream.name,
    status: stream.status as StreamDto["status"],
    recordCount: stream.recordCount,
    lastReadAt: stream.lastReadAt,
    schema: accepted ? toStreamSchema(accepted) : null,
    pendingSchema: pending ? toStreamSchema(pending) : null,
  };
}

function toStreamSchema(fingerprint: SchemaFingerprint) {
  return {
    fingerprint: fingerprint.hash,
    fields: fingerprint.fields as SchemaField[],
    profile: fingerprint.profile as SchemaProfile,
  };
}

export function toDriftEventDto(event: DriftEvent): DriftEventDto {
  return {
    id: event.id,
    connectionId: event.connectionId,
    stream: event.stream,
    kind: event.kind as DriftKind,
    severity: event.severity as Severity,
    field: event.field,
    previousField: event.previousField,
    previousType: event.previousType as FieldType | null,
    currentType: event.currentType as FieldType | null,
    confidence: event.confidence,
    details: event.details as Record<string, JsonValue>,
    status: event.status as DriftEventDto["status"],
    createdAt: event.createdAt,
    resolvedAt: event.resolvedAt,
  };
}
