import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TenantScope } from "@/lib/auth/context";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { approvedMappings } from "@/lib/dcl/mappings/registry";
import { withDuckDb } from "./duckdb";
import { createStaging, loadStream, STAGING } from "./load-records";
import { entityTableSql, planSources } from "./plan";
import { quoteIdent, quoteLiteral } from "./sql";

export type ViewSource = { connectionId: string; stream: string; entity: string; rows: number; mappedFields: number; mappingVersion: number };
export type BuildSummary = { builtAt: string; ontologyVersion: string; recordsLoaded: number; entities: { entity: string; rows: number }[]; sources: ViewSource[] };

/**
 * Rebuilds every unified view of the tenant from its approved mappings. Records are staged first;
 * then one transaction replaces all entity tables and the build metadata together, so a reader
 * sees the previous build or this one, never a mix. Callers serialize builds (see connectDcl).
 */
export async function rebuildViews(scope: TenantScope, ontology: OntologyDefinition): Promise<BuildSummary> {
  const sources = planSources(ontology, await approvedMappings(scope));
  return withDuckDb(scope.tenantId, async (duck) => {
    await createStaging(duck);
    let recordsLoaded = 0;
    for (const source of sources) recordsLoaded += await loadStream(scope, duck, source);

    const builtAt = new Date().toISOString();
    await duck.run("BEGIN TRANSACTION");
    try {
      for (const entity of ontology.entities) await duck.run(entityTableSql(entity, sources));
      const stale = await duck.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`);
      const known = new Set(ontology.entities.map((e) => e.name));
      for (const [name] of stale.getRowsJS() as [string][]) if (!known.has(name)) await duck.run(`DROP TABLE main.${quoteIdent(name)}`);
      await duck.run(`CREATE OR REPLACE TABLE "_dcl"."build" AS SELECT ${quoteLiteral(builtAt)} AS built_at, ${quoteLiteral(ontology.version)} AS ontology_version, ${recordsLoaded} AS records_loaded`);
      await duck.run(`CREATE OR REPLACE TABLE "_dcl"."sources" (connection_id VARCHAR, stream VARCHAR, entity VARCHAR, rows BIGINT, mapped_fields INTEGER, mapping_version INTEGER)`);
      for (const s of sources) {
        await duck.run(
          `INSERT INTO "_dcl"."sources" SELECT $connection, $stream, $entity, (SELECT count(*) FROM main.${quoteIdent(s.entity)} WHERE "_connection_id" = $connection AND "_stream" = $stream), $fields, $version`,
          { connection: s.connectionId, stream: s.stream, entity: s.entity, fields: s.fields.size, version: s.mappingVersion },
        );
      }
      await duck.run("COMMIT");
    } catch (error) {
      await duck.run("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await duck.run(`DROP TABLE IF EXISTS ${STAGING}`).catch(() => undefined);
    }
    return readBuild(duck);
  });
}

/** The current build's metadata; empty (no `builtAt`) before the first build. */
export async function readBuild(duck: DuckDBConnection): Promise<BuildSummary> {
  const exists = await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = '_dcl' AND table_name = 'build'`);
  if ((exists.getRowObjectsJS()[0].n as number) === 0) return { builtAt: "", ontologyVersion: "", recordsLoaded: 0, entities: [], sources: [] };
  // One read transaction: the metadata and the row counts come from the same build.
  await duck.run("BEGIN TRANSACTION");
  try {
    return await readBuildSnapshot(duck);
  } finally {
    await duck.run("COMMIT");
  }
}

async function readBuildSnapshot(duck: DuckDBConnection): Promise<BuildSummary> {
  const build = (await duck.runAndReadAll(`SELECT built_at, ontology_version, records_loaded::INTEGER AS records_loaded FROM "_dcl"."build"`)).getRowObjectsJS()[0];
  const sources = (
    await duck.runAndReadAll(`SELECT connection_id, stream, entity, rows::INTEGER AS rows, mapped_fields, mapping_version FROM "_dcl"."sources" ORDER BY entity, connection_id, stream`)
  ).getRowObjectsJS();
  const tables = (await duck.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name`)).getRowsJS() as [string][];
  const entities: { entity: string; rows: number }[] = [];
  for (const [name] of tables) {
    const count = (await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM main.${quoteIdent(name)}`)).getRowObjectsJS()[0].n as number;
    entities.push({ entity: name, rows: count });
  }
  return {
    builtAt: String(build.built_at),
    ontologyVersion: String(build.ontology_version),
    recordsLoaded: Number(build.records_loaded),
    entities,
    sources: sources.map((s) => ({
      connectionId: String(s.connection_id), stream: String(s.stream), entity: String(s.entity),
      rows: Number(s.rows), mappedFields: Number(s.mapped_fields), mappingVersion: Number(s.mapping_version),
    })),
  };
}
