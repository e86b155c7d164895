import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { connectionSource } from "./matcher/priors";
import type { SourceTable } from "./matcher/types";

/** `safeMode`: the connection is onboarding, so its mappings are only proposed (lib/aam/safe-mode.ts). */
export type StreamTable = {
  connectionId: string;
  connectionName: string;
  connectionType: string;
  safeMode: boolean;
  stream: string;
  table: SourceTable;
};

/**
 * Every active stream of the tenant's connections as the matcher sees it: the accepted schema's
 * fields and types (the source's own type name when discovery recorded one), with the profile's example values as samples. Streams without an accepted
 * schema (never discovered, or new and held for approval) are not mapped yet.
 */
export async function listStreamTables(scope: TenantScope): Promise<StreamTable[]> {
  const streams = await scope.db.connectionStream.findMany({
    where: { tenantId: scope.tenantId, status: "active", acceptedFingerprintId: { not: null } },
    select: {
      connectionId: true,
      name: true,
      acceptedFingerprintId: true,
      connection: { select: { name: true, type: true, safeMode: true } },
    },
    orderBy: [{ connectionId: "asc" }, { name: "asc" }],
  });
  const fingerprints = await scope.db.schemaFingerprint.findMany({
    where: { tenantId: scope.tenantId, id: { in: streams.map((s) => s.acceptedFingerprintId!) } },
    select: { id: true, fields: true, profile: true },
  });
  const byId = new Map(fingerprints.map((f) => [f.id, f]));
  return streams.flatMap((s) => {
    const fingerprint = byId.get(s.acceptedFingerprintId!);
    if (!fingerprint) return [];
    const fields = SchemaField.array().parse(fingerprint.fields);
    const profile = SchemaProfile.parse(fingerprint.profile);
    const table: SourceTable = {
      source: connectionSource(s.connection),
      table: s.name,
      fields: fields.map((f) => ({ name: f.name, type: f.sourceType ?? f.type, samples: profile.fields[f.name]?.examples ?? [] })),
    };
    return [
      {
        connectionId: s.connectionId,
        connectionName: s.connection.name,
        connectionType: s.connection.type,
        safeMode: s.connection.safeMode,
        stream: s.name,
        table,
      },
    ];
  });
}
