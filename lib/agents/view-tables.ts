import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TenantScope } from "@/lib/auth/context";
import { parquetRelation } from "@/lib/aam/segments/catalog";
import { quoteIdent } from "@/lib/duckdb/sql";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { currentEntityFiles } from "@/lib/dcl/views/builds";
import { emptyEntitySql } from "@/lib/dcl/views/plan";
import { withDuckDb } from "@/lib/duckdb/engine";
import { NotFoundError } from "@/lib/errors";

/**
 * Runs `fn` on a DuckDB connection of its own where each entity is a view named as the entity
 * (`cost`, `opportunity`, ...) over the tenant's current build: what an agent's SQL reads, and what
 * a person re-running a finding's SQL reads. An entity not built yet is an empty view with the
 * ontology's columns. Temporary views belong to the connection, so runs never see each other's.
 */
export async function withViewTables<T>(
  scope: TenantScope,
  entities: string[],
  fn: (duck: DuckDBConnection, build: { id: string | null }) => Promise<T>,
): Promise<T> {
  const ontology = await getTenantOntology(scope);
  const wanted = entities.map((name) => {
    const entity = ontology.entities.find((e) => e.name === name);
    if (!entity) throw new NotFoundError(`entity "${name}"`);
    return entity;
  });
  const files = await Promise.all(wanted.map((e) => currentEntityFiles(scope, e.name)));
  return withDuckDb(async (duck) => {
    for (const [i, entity] of wanted.entries()) {
      const built = files[i];
      const source = built && built.paths.length > 0 ? `SELECT * FROM ${parquetRelation(built.paths)}` : emptyEntitySql(entity);
      await duck.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(entity.name)} AS ${source}`);
    }
    return fn(duck, { id: files.find((f) => f)?.buildId ?? null });
  });
}
