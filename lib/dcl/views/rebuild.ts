import "server-only";
import { randomUUID } from "node:crypto";
import type { TenantScope } from "@/lib/auth/context";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { approvedMappings } from "@/lib/dcl/mappings/registry";
import { segmentsOfStreams, type SegmentFile } from "@/lib/aam/segments/catalog";
import { withDuckDb } from "@/lib/duckdb/engine";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getStore } from "@/lib/store";
import { collectGarbage } from "@/lib/store/garbage";
import { planSources, type StreamSource } from "./plan";
import { buildEntities, currentBuild, readBuild, type BuildEntity, type BuildSummary, type ViewPart, type ViewSource } from "./builds";
import { recentBuilds } from "./page-cache";
import { sourceParts } from "./parts";

/**
 * Rebuilds every unified view of the tenant from its approved mappings, as a new immutable build:
 * each entity's view is a set of Parquet parts under `<tenant>/views/<build id>/`, one or more per
 * source stream, projected by DuckDB straight from the streams' segments. Parts nothing changed
 * are carried over from the current build and only new segments are projected (lib/dcl/views/parts.ts),
 * so a rebuild after an append costs what the append added. Only when every file is in the store
 * does one PostgreSQL transaction record the build and make it the tenant's current one, so a
 * reader sees the previous build or this one, never a mix, on any machine; a rebuild that dies
 * leaves the previous build current. Superseded builds are deleted once older than the grace
 * period. Connections in safe mode are left out entirely until promoted. Callers serialize builds (connectDcl).
 */
export async function rebuildViews(scope: TenantScope, ontology: OntologyDefinition): Promise<BuildSummary> {
  const sources = planSources(ontology, await materializedMappings(scope));
  const [segments, current] = await Promise.all([segmentsBySource(scope, sources), currentBuild(scope)]);
  const buildId = randomUUID();
  const entities = await withDuckDb(async (duck) => {
    const out: BuildEntity[] = [];
    for (const entity of ontology.entities) {
      const previous = current?.entities.find((e) => e.entity === entity.name)?.parts ?? [];
      const parts: ViewPart[] = [];
      for (const source of sources.filter((s) => s.entity === entity.name)) {
        const input = { tenantId: scope.tenantId, buildId, entity, source, segments: segments.get(sourceKey(source)) ?? [] };
        parts.push(...(await sourceParts(duck, { ...input, previous: previous.filter((p) => sourceKey(p) === sourceKey(source)) })));
      }
      out.push({ entity: entity.name, rows: sum(parts), columns: entity.fields.map((f) => f.name), parts });
    }
    return out;
  });
  const viewSources: ViewSource[] = sources.map((s) => ({
    connectionId: s.connectionId,
    stream: s.stream,
    entity: s.entity,
    mappedFields: s.fields.size,
    mappingVersion: s.mappingVersion,
    rows: sum(entities.find((e) => e.entity === s.entity)!.parts.filter((p) => sourceKey(p) === sourceKey(s))),
  }));
  await scope.db.$transaction(async (tx) => {
    // Built on the current build: if another rebuild replaced it meanwhile (a lock lost), its parts may be gone.
    const head = await tx.viewHead.findUnique({ where: { tenantId: scope.tenantId }, select: { buildId: true } });
    if ((head?.buildId ?? null) !== (current?.id ?? null))
      throw new ConflictError("Another rebuild of these views finished meanwhile; rebuild again");
    const now = new Date();
    await tx.viewBuild.create({
      data: {
        id: buildId,
        tenantId: scope.tenantId,
        ontologyVersion: ontology.version,
        recordsLoaded: sum(viewSources),
        entities,
        sources: viewSources,
        builtAt: now,
      },
    });
    await tx.viewBuild.updateMany({
      where: { tenantId: scope.tenantId, id: { not: buildId }, supersededAt: null },
      data: { supersededAt: now },
    });
    await tx.viewHead.upsert({ where: { tenantId: scope.tenantId }, create: { tenantId: scope.tenantId, buildId }, update: { buildId } });
  });
  recentBuilds.delete(scope.tenantId);
  // The build is committed: housekeeping that fails now is logged, not the rebuild's failure.
  await deleteExpiredBuilds(scope).catch((error) => log.warn("expired view builds not deleted", { tenantId: scope.tenantId, error }));
  await collectGarbage(scope).catch((error) => log.warn("store garbage collection failed", { tenantId: scope.tenantId, error }));
  return readBuild(scope);
}

/** The approved mappings views are built from: none of a connection in safe mode (lib/aam/safe-mode.ts). */
async function materializedMappings(scope: TenantScope) {
  const [approved, onboarding] = await Promise.all([
    approvedMappings(scope),
    scope.db.connection.findMany({ where: { tenantId: scope.tenantId, safeMode: true }, select: { id: true } }),
  ]);
  const held = new Set(onboarding.map((c) => c.id));
  return approved.filter((m) => !held.has(m.connectionId));
}

const sourceKey = (s: { connectionId: string; stream: string }) => JSON.stringify([s.connectionId, s.stream]);
const sum = (items: { rows: number }[]) => items.reduce((n, i) => n + i.rows, 0);

/** Each source stream's committed segments, oldest first. */
async function segmentsBySource(scope: TenantScope, sources: StreamSource[]): Promise<Map<string, SegmentFile[]>> {
  if (sources.length === 0) return new Map();
  const streams = await scope.db.connectionStream.findMany({
    where: { tenantId: scope.tenantId, OR: sources.map((s) => ({ connectionId: s.connectionId, name: s.stream })) },
    select: { id: true, connectionId: true, name: true },
  });
  const segments = await segmentsOfStreams(
    scope,
    streams.map((s) => s.id),
  );
  return new Map(streams.map((s) => [sourceKey({ connectionId: s.connectionId, stream: s.name }), segments.get(s.id) ?? []]));
}

/**
 * Superseded builds past the grace period (longer than any read of them): their files no later
 * build carries over first, then the rows.
 */
async function deleteExpiredBuilds(scope: TenantScope) {
  const cutoff = new Date(Date.now() - env.viewBuildGraceMs);
  const builds = await scope.db.viewBuild.findMany({
    where: { tenantId: scope.tenantId },
    select: { id: true, entities: true, supersededAt: true },
  });
  const expired = builds.filter((b) => b.supersededAt && b.supersededAt < cutoff);
  if (expired.length === 0) return;
  const keys = (b: (typeof builds)[number]) => buildEntities(b.entities).flatMap((e) => e.parts.map((p) => p.objectKey));
  const kept = new Set(builds.filter((b) => !expired.includes(b)).flatMap(keys));
  await (await getStore()).delete([...new Set(expired.flatMap(keys))].filter((k) => !kept.has(k)));
  await scope.db.viewBuild.deleteMany({ where: { tenantId: scope.tenantId, id: { in: expired.map((b) => b.id) } } });
}
