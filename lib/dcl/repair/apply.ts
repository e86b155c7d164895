import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { JsonValue } from "@/lib/aam/connectors/types";
import { localSegments, parquetRelation } from "@/lib/aam/segments/catalog";
import type { SchemaField } from "@/lib/aam/schema/fingerprint";
import { approvedMappings, latestVersions, type MappingRow } from "@/lib/dcl/mappings/registry";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { withDuckDb } from "@/lib/duckdb/engine";
import { DEFAULT_THRESHOLDS, suggestRepairs } from "./suggest";
import { DriftInput } from "./types";

/** Records present in both schemas, lined up as the agent's samples. */
const ALIGNED_RECORDS = 20;

export type RepairOutcome = { streams: number; applied: number; review: number; removed: string[] };

/**
 * The repair agent on a connection whose schema changed: each stream whose mappings in force name
 * fields its accepted schema no longer has is compared with the newest earlier schema that had
 * them all, with samples lined up from records stored under both (the same source record id in a
 * segment of each). Renames and new fields the agent is sure of become approved mapping versions
 * (method `repair`); the ones it is less sure of wait for a person; nothing else is touched. The
 * caller rebuilds the views.
 */
export async function repairConnection(scope: TenantScope, connectionId: string): Promise<RepairOutcome> {
  const approved = (await approvedMappings(scope, connectionId)).filter((m) => m.ontologyField);
  const byStream = new Map<string, MappingRow[]>();
  for (const m of approved) byStream.set(m.sourceStream, [...(byStream.get(m.sourceStream) ?? []), m]);
  const outcome: RepairOutcome = { streams: 0, applied: 0, review: 0, removed: [] };
  if (byStream.size === 0) return outcome;
  const ontology = await getTenantOntology(scope);
  // The source's name lets the agent know APIs that state amounts in minor units (lib/dcl/matcher/transform.ts).
  const connection = await scope.db.connection.findFirst({ where: { id: connectionId, tenantId: scope.tenantId }, select: { name: true, type: true } });
  if (!connection) return outcome;
  const streams = await scope.db.connectionStream.findMany({ where: { tenantId: scope.tenantId, connectionId, name: { in: [...byStream.keys()] } }, select: { id: true, name: true, acceptedFingerprintId: true } });
  for (const stream of streams) {
    const mappings = byStream.get(stream.name)!;
    const schemas = await scope.db.schemaFingerprint.findMany({ where: { tenantId: scope.tenantId, connectionId, stream: stream.name }, orderBy: { lastSeenAt: "desc" } });
    const current = schemas.find((s) => s.id === stream.acceptedFingerprintId);
    if (!current) continue;
    const has = (fields: SchemaField[], name: string) => fields.some((f) => f.name === name);
    const currentFields = current.fields as SchemaField[];
    if (mappings.every((m) => has(currentFields, m.sourceField))) continue;
    const earlier = schemas.find((s) => s.id !== current.id && mappings.every((m) => has(s.fields as SchemaField[], m.sourceField)));
    if (!earlier) continue;
    const beforeFields = earlier.fields as SchemaField[];
    // Wider than the agent takes (DriftInput): left to the matcher and to people.
    if (beforeFields.length > 500 || currentFields.length > 500) continue;
    const samples = await alignedSamples(scope, stream.id, earlier.id, current.id);
    const input = DriftInput.parse({
      source: `${connection.type}: ${connection.name}`.slice(0, 200),
      table: stream.name,
      before: { fields: beforeFields.map((f) => ({ name: f.name, type: f.type, samples: samples.map((s) => s.before[f.name] ?? null) })) },
      mappings: Object.fromEntries(mappings.map((m) => [m.sourceField, m.ontologyField!])),
      after: { fields: currentFields.map((f) => ({ name: f.name, type: f.type, samples: samples.map((s) => s.after[f.name] ?? null) })) },
    });
    const plan = suggestRepairs(input, ontology, DEFAULT_THRESHOLDS);
    outcome.streams++;
    outcome.removed.push(...plan.removed.map((f) => `${stream.name}.${f}`));
    const latest = await latestVersions(scope, { connectionId, stream: stream.name });
    const now = new Date();
    for (const repair of plan.repairs) {
      if ((repair.kind !== "rename" && repair.kind !== "new") || !repair.target || repair.apply === "report") continue;
      const previous = latest.get(repair.field);
      // A person's decision on the field stands; an unchanged proposal is not written again.
      if (previous && (previous.decidedById !== null || previous.createdById !== null)) continue;
      if (previous && previous.ontologyField === repair.target && previous.status !== "rejected") continue;
      const auto = repair.apply === "auto";
      await scope.db.mappingRegistry.create({
        data: {
          tenantId: scope.tenantId, connectionId, sourceStream: stream.name, sourceField: repair.field, ontologyField: repair.target, transform: repair.transform,
          confidence: repair.confidence, method: "repair", status: auto ? "approved" : "proposed", version: (previous?.version ?? 0) + 1, decidedAt: auto ? now : null,
        },
      });
      auto ? outcome.applied++ : outcome.review++;
    }
  }
  return outcome;
}

type AlignedRecord = { before: Record<string, JsonValue>; after: Record<string, JsonValue> };

/** Up to ALIGNED_RECORDS records stored under both schemas: each one's payload under the earlier and under the current. */
async function alignedSamples(scope: TenantScope, streamId: string, earlierFingerprint: string, currentFingerprint: string): Promise<AlignedRecord[]> {
  const rows = await scope.db.recordSegment.findMany({ where: { tenantId: scope.tenantId, streamId, fingerprintId: { in: [earlierFingerprint, currentFingerprint] } }, select: { seq: true, objectKey: true, fingerprintId: true } });
  const [earlier, current] = [rows.filter((r) => r.fingerprintId === earlierFingerprint), rows.filter((r) => r.fingerprintId === currentFingerprint)];
  if (earlier.length === 0 || current.length === 0) return [];
  const [before, after] = [parquetRelation((await localSegments(earlier)).map((s) => s.path)), parquetRelation((await localSegments(current)).map((s) => s.path))];
  return withDuckDb(async (duck) => {
    const pairs = await duck.runAndReadAll(`SELECT arg_max(b.payload, b.seq) AS before, arg_max(a.payload, a.seq) AS after
      FROM ${after} a JOIN ${before} b USING (source_record_id) GROUP BY source_record_id ORDER BY source_record_id LIMIT ${ALIGNED_RECORDS}`);
    return pairs.getRowObjectsJS().map((r) => ({ before: JSON.parse(String(r.before)), after: JSON.parse(String(r.after)) }));
  });
}
