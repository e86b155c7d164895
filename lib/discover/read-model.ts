import "server-only";
import { recordsHeldByStream } from "@/lib/aam/segments/record-versions";
import type { TenantContext } from "@/lib/auth/context";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import { SchemaField } from "@/lib/aam/schema/fingerprint";
import { getDclSettings } from "@/lib/dcl/settings";
import { summarizeStream, type MappingVersion, type StreamSummary } from "./summarize";

export type DiscoveredStream = StreamSummary & {
  name: string;
  /** Each source record once, in its latest version; null when the segment files could not be read. */
  recordsHeld: number | null;
  lastReadAt: string | null;
  /** A changed schema (or a new stream) waits for approval; `fields` are then the pending schema's when none is accepted yet. */
  schemaWaiting: boolean;
};

export type DiscoveredConnection = {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  status: string;
  /** Onboarding read-only and sampled: its mappings are only proposed until promoted (lib/aam/safe-mode.ts). */
  safeMode: boolean;
  lastSyncAt: string | null;
  streams: DiscoveredStream[];
  /** Items of this connection in the review inbox: proposals and repairs waiting, schema changes held. */
  waiting: number;
};

export type DiscoverTotals = {
  connections: number;
  streams: number;
  fields: number;
  mappedFields: number;
  proposedFields: number;
  unmappedFields: number;
  /** Streams none of whose fields is mapped, or proposed, to an entity field. */
  unmappedStreams: number;
  waiting: number;
};

export type DiscoverPage = { connections: DiscoveredConnection[]; totals: DiscoverTotals; autoApproveThreshold: number };

const Fields = SchemaField.array();
const streamKey = (connectionId: string, stream: string) => JSON.stringify([connectionId, stream]);
const MAPPING_COLUMNS = {
  connectionId: true,
  sourceStream: true,
  sourceField: true,
  ontologyField: true,
  confidence: true,
  method: true,
  status: true,
} as const;

/**
 * What the platform found in the tenant's sources and what it could connect: every active stream
 * of every connection with its schema's fields, each field's mapping (in force, or proposed), the
 * entity the stream points to and what waits for a person. Read from stored state only; every
 * query filters by the tenant.
 */
export async function getDiscoverPage({ ctx }: { ctx: TenantContext }): Promise<DiscoverPage> {
  const where = { tenantId: ctx.tenantId };
  const [connections, streams, newest, approved, held, settings, segments] = await Promise.all([
    ctx.db.connection.findMany({
      where,
      select: { id: true, name: true, type: true, status: true, safeMode: true, lastSyncAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    ctx.db.connectionStream.findMany({
      where: { ...where, status: "active" },
      select: { id: true, connectionId: true, name: true, lastReadAt: true, acceptedFingerprintId: true, pendingFingerprintId: true },
      orderBy: [{ connectionId: "asc" }, { name: "asc" }],
    }),
    ctx.db.mappingRegistry.findMany({
      where,
      select: MAPPING_COLUMNS,
      orderBy: [{ connectionId: "asc" }, { sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
      distinct: ["connectionId", "sourceStream", "sourceField"],
    }),
    ctx.db.mappingRegistry.findMany({
      where: { ...where, status: "approved" },
      select: MAPPING_COLUMNS,
      orderBy: [{ connectionId: "asc" }, { sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
      distinct: ["connectionId", "sourceStream", "sourceField"],
    }),
    ctx.db.driftEvent.groupBy({ by: ["connectionId", "stream"], where: { ...where, status: "pending" }, _count: { _all: true } }),
    getDclSettings(ctx),
    ctx.db.recordSegment.findMany({ where, select: { id: true, streamId: true, seq: true, objectKey: true, rowCount: true } }),
  ]);
  const recordsHeld = await recordsHeldByStream(ctx, segments);
  const fingerprintIds = streams.map((s) => s.acceptedFingerprintId ?? s.pendingFingerprintId).filter((id): id is string => id !== null);
  const fingerprints = new Map(
    (await ctx.db.schemaFingerprint.findMany({ where: { ...where, id: { in: fingerprintIds } }, select: { id: true, fields: true } })).map(
      (f) => [f.id, f.fields],
    ),
  );
  const newestByStream = groupByStream(newest);
  const inForceByStream = groupByStream(approved);
  const heldByStream = new Map(held.map((h) => [streamKey(h.connectionId, h.stream), h._count._all]));
  const waiting = waitingByConnection(newest, held);
  const streamsOf = Map.groupBy(streams, (s) => s.connectionId);

  const discovered = connections.map((c): DiscoveredConnection => {
    const own = (streamsOf.get(c.id) ?? []).map((s): DiscoveredStream => {
      const key = streamKey(c.id, s.name);
      const parsed = Fields.safeParse(fingerprints.get(s.acceptedFingerprintId ?? s.pendingFingerprintId ?? ""));
      const summary = summarizeStream({
        fields: parsed.success ? parsed.data.map((f) => ({ name: f.name, type: f.sourceType ?? f.type })) : [],
        newest: newestByStream.get(key) ?? new Map(),
        inForce: inForceByStream.get(key) ?? new Map(),
        heldChanges: heldByStream.get(key) ?? 0,
      });
      return {
        ...summary,
        name: s.name,
        recordsHeld: recordsHeld ? (recordsHeld.get(s.id) ?? 0) : null,
        lastReadAt: s.lastReadAt?.toISOString() ?? null,
        schemaWaiting: s.pendingFingerprintId !== null,
      };
    });
    return {
      id: c.id,
      name: c.name,
      type: c.type,
      typeLabel: CONNECTORS[c.type].label,
      status: c.status,
      safeMode: c.safeMode,
      lastSyncAt: c.lastSyncAt?.toISOString() ?? null,
      streams: own,
      waiting: waiting.get(c.id) ?? 0,
    };
  });
  return { connections: discovered, totals: totalsOf(discovered), autoApproveThreshold: settings.autoApproveThreshold };
}

type MappingRow = {
  connectionId: string;
  sourceStream: string;
  sourceField: string;
  ontologyField: string | null;
  confidence: number;
  method: string;
  status: MappingVersion["status"];
};

function groupByStream(rows: MappingRow[]): Map<string, Map<string, MappingVersion>> {
  const byStream = new Map<string, Map<string, MappingVersion>>();
  for (const r of rows) {
    const key = streamKey(r.connectionId, r.sourceStream);
    const fields = byStream.get(key) ?? new Map<string, MappingVersion>();
    fields.set(r.sourceField, { target: r.ontologyField, confidence: r.confidence, method: r.method, status: r.status });
    byStream.set(key, fields);
  }
  return byStream;
}

/**
 * Each connection's inbox items, counted as the inbox counts them: every field whose newest version
 * is proposed (fields no longer in the schema included) and every held schema change.
 */
function waitingByConnection(newest: MappingRow[], held: { connectionId: string; _count: { _all: number } }[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (connectionId: string, n: number) => counts.set(connectionId, (counts.get(connectionId) ?? 0) + n);
  for (const r of newest) if (r.status === "proposed") add(r.connectionId, 1);
  for (const h of held) add(h.connectionId, h._count._all);
  return counts;
}

function totalsOf(connections: DiscoveredConnection[]): DiscoverTotals {
  const streams = connections.flatMap((c) => c.streams);
  const sum = (pick: (s: DiscoveredStream) => number) => streams.reduce((total, s) => total + pick(s), 0);
  return {
    connections: connections.length,
    streams: streams.length,
    fields: sum((s) => s.counts.fields),
    mappedFields: sum((s) => s.counts.mapped),
    proposedFields: sum((s) => s.counts.proposed),
    unmappedFields: sum((s) => s.counts.unmapped),
    unmappedStreams: streams.filter((s) => s.entity === null).length,
    waiting: connections.reduce((total, c) => total + c.waiting, 0),
  };
}
