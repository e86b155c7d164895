import "server-only";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { TenantScope } from "@/lib/auth/context";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { approvedMappings } from "@/lib/dcl/mappings/registry";
import { currentRecordsSql, segmentsOfStreams } from "@/lib/aam/segments/catalog";
import { withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getStore, storeKeys } from "@/lib/store";
import { collectGarbage } from "@/lib/store/garbage";
import { entitySelectSql, planSources, type StreamSource } from "./plan";
import { readBuild, type BuildSummary, type ViewSource } from "./builds";

/**
 * Rebuilds every unified view of the tenant from its approved mappings, as a new immutable build:
 * one Parquet file per entity under `<tenant>/views/<build id>/`, projected by DuckDB straight
 * from the streams' segments. Only when every file is in the store does one PostgreSQL transaction
 * record the build and make it the tenant's current one, so a reader sees the previous build or
 * this one, never a mix, on any machine; a rebuild that dies leaves the previous build current.
 * Superseded builds are deleted once older than the grace period. Callers serialize builds (connectDcl).
 */
export async function rebuildViews(scope: TenantScope, ontology: OntologyDefinition): Promise<BuildSummary> {
  const sources = planSources(ontology, await approvedMappings(scope));
  const records = await recordsBySource(scope, sources);
  const buildId = randomUUID();
  const store = await getStore();
  const built = await withDuckDb(async (duck) => {
    const entities: { entity: string; rows: number; objectKey: string; columns: string[] }[] = [];
    const counts = new Map<string, number>();
    for (const [index, entity] of ontology.entities.entries()) {
      const scratch = await store.scratchFile(".parquet");
      const select = entitySelectSql(entity, sources, (s) => records.get(sourceKey(s))!);
      const written = await duck.runAndReadAll(`COPY (${select}) TO ${quoteLiteral(scratch)} (FORMAT parquet, COMPRESSION zstd)`);
      const perSource = await duck.runAndReadAll(`SELECT "_connection_id" AS c, "_stream" AS s, count(*)::BIGINT AS n FROM read_parquet(${quoteLiteral(scratch)}) GROUP BY ALL`);
      for (const r of perSource.getRowObjectsJS()) counts.set(JSON.stringify([r.c, r.s]), Number(r.n));
      const objectKey = storeKeys.viewEntity(scope.tenantId, buildId, index);
      await store.put(objectKey, scratch).catch(async (error) => {
        await rm(scratch, { force: true });
        throw error;
      });
      entities.push({ entity: entity.name, rows: Number(written.getRowObjectsJS()[0]!.Count), objectKey, columns: entity.fields.map((f) => f.name) });
    }
    const viewSources: ViewSource[] = sources.map((s) => ({
      connectionId: s.connectionId, stream: s.stream, entity: s.entity, rows: counts.get(sourceKey(s)) ?? 0, mappedFields: s.fields.size, mappingVersion: s.mappingVersion,
    }));
    return { entities, sources: viewSources };
  });
  const recordsLoaded = built.sources.reduce((sum, s) => sum + s.rows, 0);
  await scope.db.$transaction(async (tx) => {
    const now = new Date();
    await tx.viewBuild.create({ data: { id: buildId, tenantId: scope.tenantId, ontologyVersion: ontology.version, recordsLoaded, entities: built.entities, sources: built.sources, builtAt: now } });
    await tx.viewBuild.updateMany({ where: { tenantId: scope.tenantId, id: { not: buildId }, supersededAt: null }, data: { supersededAt: now } });
    await tx.viewHead.upsert({ where: { tenantId: scope.tenantId }, create: { tenantId: scope.tenantId, buildId }, update: { buildId } });
  });
  await deleteExpiredBuilds(scope);
  await collectGarbage(scope).catch((error) => log.warn("store garbage collection failed", { tenantId: scope.tenantId, error }));
  return readBuild(scope);
}

const sourceKey = (s: { connectionId: string; stream: string }) => JSON.stringify([s.connectionId, s.stream]);

/** Each source stream's current records, as SQL over its segments. */
async function recordsBySource(scope: TenantScope, sources: StreamSource[]): Promise<Map<string, string>> {
  if (sources.length === 0) return new Map();
  const streams = await scope.db.connectionStream.findMany({
    where: { tenantId: scope.tenantId, OR: sources.map((s) => ({ connectionId: s.connectionId, name: s.stream })) },
    select: { id: true, connectionId: true, name: true },
  });
  const ids = new Map(streams.map((s) => [sourceKey({ connectionId: s.connectionId, stream: s.name }), s.id]));
  const segments = await segmentsOfStreams(scope, [...ids.values()]);
  return new Map(sources.map((s) => [sourceKey(s), currentRecordsSql(segments.get(ids.get(sourceKey(s)) ?? "") ?? [])]));
}

/** Superseded builds past the grace period (longer than any read of them): files first, then rows. */
async function deleteExpiredBuilds(scope: TenantScope) {
  const expired = await scope.db.viewBuild.findMany({
    where: { tenantId: scope.tenantId, supersededAt: { lt: new Date(Date.now() - env.viewBuildGraceMs) } },
    select: { id: true, entities: true },
  });
  if (expired.length === 0) return;
  const store = await getStore();
  await store.delete(expired.flatMap((b) => (b.entities as { objectKey: string }[]).map((e) => e.objectKey)));
  await scope.db.viewBuild.deleteMany({ where: { tenantId: scope.tenantId, id: { in: expired.map((b) => b.id) } } });
}

