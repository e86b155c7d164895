import type { OntologyDefinition, OntologyEntity } from "@/lib/dcl/ontology/definition";
import { parseTarget } from "@/lib/dcl/ontology/definition";
import type { ValueTransform } from "@/lib/dcl/matcher/types";
import { DUCKDB_TYPES, projectField } from "./normalize";
import { quoteIdent, quoteLiteral, rawField } from "@/lib/duckdb/sql";

export type ApprovedMapping = { connectionId: string; sourceStream: string; sourceField: string; ontologyField: string | null; transform: string | null; version: number };

/** One stream feeding one entity: which source field fills which ontology field. */
export type StreamSource = {
  connectionId: string;
  stream: string;
  entity: string;
  mappingVersion: number;
  fields: Map<string, { sourceField: string; transform: ValueTransform | null }>;
};

/**
 * Groups approved mappings into stream sources. A stream feeds the entity most of its mapped
 * fields point to; mappings to fields the ontology no longer has are ignored.
 */
export function planSources(ontology: OntologyDefinition, approved: ApprovedMapping[]): StreamSource[] {
  const byStream = new Map<string, ApprovedMapping[]>();
  for (const m of approved) {
    const key = JSON.stringify([m.connectionId, m.sourceStream]);
    byStream.set(key, [...(byStream.get(key) ?? []), m]);
  }
  const sources: StreamSource[] = [];
  for (const rows of byStream.values()) {
    const valid = rows.filter((r) => {
      if (!r.ontologyField) return false;
      const { entity, field } = parseTarget(r.ontologyField);
      return ontology.entities.some((e) => e.name === entity && e.fields.some((f) => f.name === field));
    });
    const votes = new Map<string, number>();
    for (const r of valid) {
      const { entity } = parseTarget(r.ontologyField!);
      votes.set(entity, (votes.get(entity) ?? 0) + 1);
    }
    const entity = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!entity) continue;
    const fields = new Map<string, { sourceField: string; transform: ValueTransform | null }>();
    for (const r of valid) {
      const target = parseTarget(r.ontologyField!);
      if (target.entity === entity && !fields.has(target.field)) fields.set(target.field, { sourceField: r.sourceField, transform: r.transform as ValueTransform | null });
    }
    sources.push({ connectionId: rows[0].connectionId, stream: rows[0].sourceStream, entity, mappingVersion: Math.max(...rows.map((r) => r.version)), fields });
  }
  return sources.sort((a, b) => a.connectionId.localeCompare(b.connectionId) || a.stream.localeCompare(b.stream));
}

/** A stream's current records as SQL: columns source_record_id, observed_at, payload (lib/aam/segments/catalog). */
export type RecordsOf = (source: StreamSource) => string;

function streamSelect(entity: OntologyEntity, source: StreamSource, records: string): string {
  const currencyField = entity.fields.find((f) => f.semantic === "currency");
  const currency = currencyField ? source.fields.get(currencyField.name) : undefined;
  const columns = entity.fields.map((field) => {
    const mapped = source.fields.get(field.name);
    let expression = mapped ? projectField(field, rawField(mapped.sourceField), mapped.transform, currency ? rawField(currency.sourceField) : null) : "NULL";
    // A record always has its key: the source's own record id when no field maps to it.
    if (field.name === entity.key) expression = `COALESCE(CAST(${expression} AS VARCHAR), source_record_id)`;
    return `CAST(${expression} AS ${DUCKDB_TYPES[field.type]}) AS ${quoteIdent(field.name)}`;
  });
  return [
    `SELECT ${columns.join(", ")},`,
    `${quoteLiteral(source.connectionId)} AS "_connection_id", ${quoteLiteral(source.stream)} AS "_stream", source_record_id AS "_source_record_id",`,
    `CAST(${source.mappingVersion} AS INTEGER) AS "_mapping_version", observed_at AS "_observed_at"`,
    `FROM ${records}`,
  ].join(" ");
}

/** The query of one entity's unified view: every feeding stream's current records, projected, unioned. */
export function entitySelectSql(entity: OntologyEntity, sources: StreamSource[], recordsOf: RecordsOf): string {
  const selects = sources.filter((s) => s.entity === entity.name).map((s) => streamSelect(entity, s, recordsOf(s)));
  const empty = [
    `SELECT ${entity.fields.map((f) => `CAST(NULL AS ${DUCKDB_TYPES[f.type]}) AS ${quoteIdent(f.name)}`).join(", ")},`,
    `CAST(NULL AS VARCHAR) AS "_connection_id", CAST(NULL AS VARCHAR) AS "_stream", CAST(NULL AS VARCHAR) AS "_source_record_id",`,
    `CAST(NULL AS INTEGER) AS "_mapping_version", CAST(NULL AS TIMESTAMPTZ) AS "_observed_at" WHERE false`,
  ].join(" ");
  return selects.length ? selects.join(" UNION ALL ") : empty;
}
