import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { JsonValue } from "@/lib/aam/connectors/types";
import { localSegments, parquetRelation } from "@/lib/aam/segments/catalog";
import type { SchemaField } from "@/lib/aam/schema/fingerprint";
import { approvedMappings, latestVersions, type MappingRow, type StreamKey } from "@/lib/dcl/mappings/registry";
import { connectionSource } from "@/lib/dcl/matcher/priors";
import { withDuckDb } from "@/lib/duckdb/engine";
import { publishTenantEvent } from "@/lib/events/publish";
import { getKv } from "@/lib/kv";
import { withLock } from "@/lib/kv/lock";
import { log } from "@/lib/log";
import { recordDecision } from "@/lib/inbox/audit";
import { notifyReviewWaiting } from "@/lib/notify/review-waiting";
import { planRepairs } from "./for-tenant";
import { MEANING_CHANGED } from "./suggest";
import { DriftInput, MAX_FIELDS, type Repair } from "./types";

/** Records present in both schemas, lined up as the agent's samples. */
const ALIGNED_RECORDS = 20;

export type RepairOutcome = { streams: number; applied: number; review: number; removed: string[]; failed: string[] };

/**
 * The repair agent on a connection whose schema changed: each stream whose mappings in force name
 * fields its accepted schema no longer has is compared with the newest earlier schema that had
 * them all, with samples lined up from records stored under both (the same source record id in a
 * segment of each). So is a stream whose mapped fields are all there, against the newest earlier
 * schema, for fields whose type, unit or meaning changed under the same name. Repairs the agent is
 * sure of become approved mapping versions (method `repair`, audited as the agent's); the ones it is
 * less sure of wait for a person in the review inbox (Slack hears of them); nothing else is
 * touched, and in safe mode nothing is applied. It holds the tenant's connect lock, as mapping
 * proposals do. A stream that cannot be repaired is logged and listed, never a failure: the caller
 * rebuilds the views either way.
 */
export async function repairConnection(scope: TenantScope, connectionId: string): Promise<RepairOutcome> {
  return withLock(getKv(), `dcl:connect:${scope.tenantId}`, async () => {
    const outcome: RepairOutcome = { streams: 0, applied: 0, review: 0, removed: [], failed: [] };
    const byStream = new Map<string, MappingRow[]>();
    for (const m of await approvedMappings(scope, connectionId))
      if (m.ontologyField) byStream.set(m.sourceStream, [...(byStream.get(m.sourceStream) ?? []), m]);
    const connection = await scope.db.connection.findFirst({
      where: { id: connectionId, tenantId: scope.tenantId },
      select: { name: true, type: true, safeMode: true },
    });
    if (byStream.size === 0 || !connection) return outcome;
    const streams = await scope.db.connectionStream.findMany({
      where: { tenantId: scope.tenantId, connectionId, name: { in: [...byStream.keys()] } },
      select: { id: true, name: true, acceptedFingerprintId: true },
    });
    for (const stream of streams) {
      try {
        // The source's name lets the agent know APIs that state amounts in minor units (lib/dcl/matcher/transform.ts).
        const planned = await planStream(scope, {
          connectionId,
          source: connectionSource(connection),
          stream,
          mappings: byStream.get(stream.name)!,
          safeMode: connection.safeMode,
        });
        if (!planned) continue;
        outcome.streams++;
        outcome.removed.push(...planned.plan.removed.map((f) => `${stream.name}.${f}`));
        const written = await recordRepairs(scope, { connectionId, stream: stream.name }, planned.plan.repairs, planned.input);
        outcome.applied += written.applied;
        outcome.review += written.review;
      } catch (error) {
        log.warn("stream not repaired", { tenantId: scope.tenantId, connectionId, stream: stream.name, error });
        outcome.failed.push(stream.name);
      }
    }
    if (outcome.applied + outcome.review > 0)
      await publishTenantEvent(scope, "inbox.changed", { connectionId, repairsApplied: outcome.applied, repairsWaiting: outcome.review });
    if (outcome.review > 0) {
      void notifyReviewWaiting(scope.db, {
        tenantId: scope.tenantId,
        count: outcome.review,
        what: "mapping repair(s)",
        connectionName: connection.name,
      }).catch((error) => log.warn("review notification failed", { tenantId: scope.tenantId, connectionId, error }));
    }
    return outcome;
  });
}

type StreamRow = { id: string; name: string; acceptedFingerprintId: string | null };

/** The agent's plan for one stream against the newest earlier schema that had all its mapped fields, or null when there is none. */
async function planStream(
  scope: TenantScope,
  at: { connectionId: string; source: string; stream: StreamRow; mappings: MappingRow[]; safeMode: boolean },
) {
  const { connectionId, stream, mappings } = at;
  const schemas = await scope.db.schemaFingerprint.findMany({
    where: { tenantId: scope.tenantId, connectionId, stream: stream.name },
    orderBy: { lastSeenAt: "desc" },
  });
  const fieldsOf = (s: (typeof schemas)[number]) => s.fields as SchemaField[];
  const hasAll = (fields: SchemaField[]) => mappings.every((m) => fields.some((f) => f.name === m.sourceField));
  const current = schemas.find((s) => s.id === stream.acceptedFingerprintId);
  if (!current) return null;
  const earlier = schemas.find((s) => s.id !== current.id && hasAll(fieldsOf(s)));
  // Wider than the agent takes (DriftInput): left to the matcher and to people.
  if (!earlier || fieldsOf(earlier).length > MAX_FIELDS || fieldsOf(current).length > MAX_FIELDS) return null;
  const samples = await alignedSamples(scope, stream.id, earlier.id, current.id);
  const side = (fields: SchemaField[], of: (s: AlignedRecord) => Record<string, JsonValue>) => ({
    fields: fields.map((f) => ({ name: f.name, type: f.type, samples: samples.map((s) => of(s)[f.name] ?? null) })),
  });
  const input = DriftInput.parse({
    source: at.source.slice(0, 200),
    table: stream.name,
    before: side(fieldsOf(earlier), (s) => s.before),
    mappings: Object.fromEntries(mappings.map((m) => [m.sourceField, m.ontologyField!])),
    after: side(fieldsOf(current), (s) => s.after),
  });
  return { input, plan: await planRepairs(scope, input, { safeMode: at.safeMode }) };
}

/**
 * Writes a stream's repairs as mapping versions with their evidence: approved (and audited as the
 * agent's) when sure, proposed for the review inbox when not. A rename or a new field never goes
 * over a person's decision on that field; a changed unit or meaning under the same name does, but
 * only as a proposal. Re-running writes nothing new.
 */
async function recordRepairs(
  scope: TenantScope,
  at: StreamKey,
  repairs: Repair[],
  input: DriftInput,
): Promise<{ applied: number; review: number }> {
  const latest = await latestVersions(scope, at);
  const inForce = new Map(
    (await approvedMappings(scope, at.connectionId)).filter((m) => m.sourceStream === at.stream).map((m) => [m.sourceField, m]),
  );
  const written = { applied: 0, review: 0 };
  for (const repair of repairs) {
    if (!repair.target || repair.apply === "report" || repair.kind === "ignore") continue;
    const previous = latest.get(repair.field);
    const byPerson = previous !== undefined && (previous.decidedById !== null || previous.createdById !== null);
    // Already recorded, and perhaps decided by a person since: a rejection stands.
    if (previous?.method === "repair" && previous.ontologyField === repair.target && previous.transform === repair.transform) continue;
    if (repair.kind === "keep") {
      // A kept mapping is written only when its unit changed, or its values say its meaning may have.
      const held = inForce.get(repair.field);
      const changed = held?.transform !== repair.transform || repair.confidence <= MEANING_CHANGED;
      if (!held || !changed || previous?.status === "rejected") continue;
    } else if (byPerson || (previous && previous.ontologyField === repair.target && previous.status !== "rejected")) continue;
    const auto = repair.apply === "auto" && !(repair.kind === "keep" && byPerson);
    const row = await scope.db.mappingRegistry.create({
      data: {
        tenantId: scope.tenantId,
        connectionId: at.connectionId,
        sourceStream: at.stream,
        sourceField: repair.field,
        ontologyField: repair.target,
        transform: repair.transform,
        confidence: repair.confidence,
        method: "repair",
        status: auto ? "approved" : "proposed",
        version: (previous?.version ?? 0) + 1,
        decidedAt: auto ? new Date() : null,
        evidence: evidenceOf(repair, input),
      },
    });
    if (auto) {
      await recordDecision(scope, {
        kind: "repair",
        itemId: row.id,
        action: "auto_apply",
        connectionId: at.connectionId,
        stream: at.stream,
        field: repair.field,
        fromField: repair.from,
        target: repair.target,
        before: { target: inForce.get(repair.field)?.ontologyField ?? null },
        after: { target: repair.target, transform: repair.transform, status: "approved", version: row.version },
        evidence: evidenceOf(repair, input),
        reason: repair.reason,
        actorId: null,
      });
    }
    auto ? written.applied++ : written.review++;
  }
  return written;
}

/** Most values shown side by side with a repair. */
const EVIDENCE_VALUES = 10;

/** What a person sees with a repair: the reason, the confidence, and the old and new fields' values from the same records. */
function evidenceOf(repair: Repair, input: DriftInput) {
  const before = input.before.fields.find((f) => f.name === repair.from);
  const after = input.after.fields.find((f) => f.name === repair.field)!;
  const values = after.samples.slice(0, EVIDENCE_VALUES).map((v, i) => ({ before: before?.samples[i] ?? null, after: v }));
  return {
    kind: repair.kind,
    reason: repair.reason,
    confidence: repair.confidence,
    transform: repair.transform,
    before: before ? { field: before.name, type: before.type } : null,
    after: { field: after.name, type: after.type },
    values,
  };
}

type AlignedRecord = { before: Record<string, JsonValue>; after: Record<string, JsonValue> };

/** Up to ALIGNED_RECORDS records stored under both schemas: each one's payload under the earlier and under the current. */
async function alignedSamples(
  scope: TenantScope,
  streamId: string,
  earlierFingerprint: string,
  currentFingerprint: string,
): Promise<AlignedRecord[]> {
  const rows = await scope.db.recordSegment.findMany({
    where: { tenantId: scope.tenantId, streamId, fingerprintId: { in: [earlierFingerprint, currentFingerprint] } },
    select: { seq: true, objectKey: true, fingerprintId: true },
  });
  const [earlier, current] = [
    rows.filter((r) => r.fingerprintId === earlierFingerprint),
    rows.filter((r) => r.fingerprintId === currentFingerprint),
  ];
  if (earlier.length === 0 || current.length === 0) return [];
  const [before, after] = [
    parquetRelation((await localSegments(earlier)).map((s) => s.path)),
    parquetRelation((await localSegments(current)).map((s) => s.path)),
  ];
  return withDuckDb(async (duck) => {
    const pairs = await duck.runAndReadAll(`SELECT arg_max(b.payload, b.seq) AS before, arg_max(a.payload, a.seq) AS after
      FROM ${after} a JOIN ${before} b USING (source_record_id) GROUP BY source_record_id ORDER BY source_record_id LIMIT ${ALIGNED_RECORDS}`);
    return pairs.getRowObjectsJS().map((r) => ({ before: JSON.parse(String(r.before)), after: JSON.parse(String(r.after)) }));
  });
}
