import type { OntologyDefinition, OntologyEntity } from "@/lib/dcl/ontology/definition";
import { parseTarget } from "@/lib/dcl/ontology/definition";
import type { ValueTransform } from "@/lib/dcl/matcher/types";
import { DUCKDB_TYPES, projectField } from "./normalize";
import { quoteIdent, quoteLiteral, rawFields } from "@/lib/duckdb/sql";

export type ApprovedMapping = {
  connectionId: string;
  sourceStream: string;
  sourceField: string;
  ontologyField: string | null;
  transform: string | null;
  version: number;
};

/** A source field filling an ontology field, and how its values convert. */
export type MappedField = { sourceField: string; transform: ValueTransform | null };

/**
 * One stream feeding one entity: which source fields fill each ontology field, in source-field
 * order. Several do after a rename (the old name in records read before it, the new one after):
 * the view takes the first that has a value.
 */
export type StreamSource = {
  connectionId: string;
  stream: string;
  entity: string;
  mappingVersion: number;
  fields: Map<string, MappedField[]>;
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
    const fields = new Map<string, MappedField[]>();
    for (const r of valid) {
      const target = parseTarget(r.ontologyField!);
      if (target.entity !== entity) continue;
      fields.set(target.field, [
        ...(fields.get(target.field) ?? []),
        { sourceField: r.sourceField, transform: r.transform as ValueTransform | null },
      ]);
    }
    sources.push({
      connectionId: rows[0].connectionId,
      stream: rows[0].sourceStream,
      entity,
      mappingVersion: Math.max(...rows.map((r) => r.version)),
      fields,
    });
  }
  return sources.sort((a, b) => a.connectionId.localeCompare(b.connectionId) || a.stream.localeCompare(b.stream));
}

/**
 * One stream's rows of an entity's view: `records` (SQL over its segments with source_record_id,
 * observed_at and payload; lib/aam/segments/catalog) projected onto the entity's fields, with the
 * lineage columns.
 */
export function streamSelectSql(entity: OntologyEntity, source: StreamSource, records: string): string {
  const currencyField = entity.fields.find((f) => f.semantic === "currency");
  const currency = currencyField ? source.fields.get(currencyField.name)?.[0] : undefined;
  // Every mapped field's raw text, from one parse of the payload: `raw[i]`.
  const keys = [...new Set([...source.fields.values()].flat().map((m) => m.sourceField))];
  const raw = (key: string) => `raw[${keys.indexOf(key) + 1}]`;
  const columns = entity.fields.map((field) => {
    const mapped = source.fields.get(field.name) ?? [];
    const values = mapped.map((m) => projectField(field, raw(m.sourceField), m.transform, currency ? raw(currency.sourceField) : null));
    let expression = values.length === 0 ? "NULL" : values.length === 1 ? values[0]! : `COALESCE(${values.join(", ")})`;
    // A record always has its key: the source's own record id when no field maps to it.
    if (field.name === entity.key) expression = `COALESCE(CAST(${expression} AS VARCHAR), source_record_id)`;
    return `CAST(${expression} AS ${DUCKDB_TYPES[field.type]}) AS ${quoteIdent(field.name)}`;
  });
  const extracted = keys.length ? rawFields(keys) : "CAST([] AS VARCHAR[])";
  return [
    `SELECT ${columns.join(", ")},`,
    `${quoteLiteral(source.connectionId)} AS "_connection_id", ${quoteLiteral(source.stream)} AS "_stream", source_record_id AS "_source_record_id",`,
    `CAST(${source.mappingVersion} AS INTEGER) AS "_mapping_version", observed_at AS "_observed_at"`,
    `FROM (SELECT source_record_id, observed_at, ${extracted} AS raw FROM ${records})`,
  ].join(" ");
}

/** An entity's view with no rows, typed like a built one. */
export function emptyEntitySql(entity: OntologyEntity): string {
  return [
    `SELECT ${entity.fields.map((f) => `CAST(NULL AS ${DUCKDB_TYPES[f.type]}) AS ${quoteIdent(f.name)}`).join(", ")},`,
    `CAST(NULL AS VARCHAR) AS "_connection_id", CAST(NULL AS VARCHAR) AS "_stream", CAST(NULL AS VARCHAR) AS "_source_record_id",`,
    `CAST(NULL AS INTEGER) AS "_mapping_version", CAST(NULL AS TIMESTAMPTZ) AS "_observed_at" WHERE false`,
  ].join(" ");
}
