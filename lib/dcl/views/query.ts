import "server-only";
import type { DuckDBValue } from "@duckdb/node-api";
import { z } from "zod";
import type { TenantScope } from "@/lib/auth/context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { OntologyEntity, OntologyFieldType } from "@/lib/dcl/ontology/definition";
import type { ViewColumn, ViewList, ViewPage, ViewQuery, ViewRow } from "./schemas";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { withDuckDb } from "@/lib/duckdb/engine";
import { parquetRelation } from "@/lib/aam/segments/catalog";
import { currentEntityFiles, type BuildRead } from "./builds";
import { viewAnswers } from "./page-cache";
import { emptyEntitySql } from "./plan";
import { DUCKDB_TYPES } from "./normalize";
import { readDclState, type DclState } from "@/lib/dcl/state";
import { quoteIdent } from "@/lib/duckdb/sql";

export { ViewQuery } from "./schemas";

/** The deepest a page may start; a filter narrows a bigger view. */
const MAX_OFFSET = 10_000_000;
const Limit = z.coerce.number().int().min(1).max(500).default(50);
const CursorBody = z.object({ offset: z.int().min(0).max(MAX_OFFSET) });

/** A page's position as the opaque cursor the API hands out (`nextCursor`). */
export function viewCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

/** The page `query` asks for; ValidationError for a bad limit or a cursor this API did not hand out. */
function pagingOf(query: ViewQuery): { limit: number; offset: number } {
  const limit = Limit.safeParse(query.limit);
  const offset = query.cursor === undefined ? 0 : offsetOf(query.cursor);
  const problems = [
    ...(limit.success ? [] : limit.error.issues.map((i) => ({ path: "limit", message: i.message }))),
    ...(offset === null ? [{ path: "cursor", message: "not a cursor of this view (pass a page's nextCursor)" }] : []),
  ];
  if (!limit.success || offset === null) throw new ValidationError("invalid paging", problems);
  return { limit: limit.data, offset };
}

function offsetOf(cursor: string): number | null {
  try {
    const body = CursorBody.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return body.success ? body.data.offset : null;
  } catch {
    return null;
  }
}

/** `ne` keeps the rows with no value: "not USD" includes the rows with no currency. */
const OPS = { eq: "=", ne: "IS DISTINCT FROM", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

function columnsOf(entity: OntologyEntity): ViewColumn[] {
  return [
    ...entity.fields.map((f) => ({ name: f.name, type: f.type, description: f.description })),
    { name: "_connection_id", type: "string" as const, description: "Lineage: the connection the record came from." },
    { name: "_stream", type: "string" as const, description: "Lineage: the source table or stream." },
    { name: "_source_record_id", type: "string" as const, description: "Lineage: the record's id in its source." },
    { name: "_mapping_version", type: "integer" as const, description: "Lineage: the newest mapping version applied to the stream." },
    { name: "_observed_at", type: "timestamp" as const, description: "Lineage: when the record's current version was read." },
  ];
}

/** JSON-friendly values: instants as ISO strings, 64-bit integers as numbers. */
function selectList(columns: ViewColumn[]): string {
  return columns
    .map((c) => {
      const id = quoteIdent(c.name);
      if (c.type === "timestamp") return `strftime(${id} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ${id}`;
      if (c.type === "date") return `strftime(${id}, '%Y-%m-%d') AS ${id}`;
      if (c.type === "integer") return `CAST(${id} AS DOUBLE) AS ${id}`;
      return id;
    })
    .join(", ");
}

function whereClause(columns: ViewColumn[], filters: [string, string][]): { sql: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  for (const [key, value] of filters) {
    const dot = key.lastIndexOf(".");
    const [name, op] =
      dot > 0 && (key.slice(dot + 1) in OPS || ["contains", "null"].includes(key.slice(dot + 1)))
        ? [key.slice(0, dot), key.slice(dot + 1)]
        : [key, "eq"];
    const column = columns.find((c) => c.name === name);
    if (!column) throw new ValidationError(`unknown field "${name}"`, [{ path: key, message: "not a column of this view" }]);
    const id = quoteIdent(column.name);
    if (op === "null") {
      if (!["true", "false"].includes(value))
        throw new ValidationError(`"${key}" takes true or false`, [{ path: key, message: "expected true or false" }]);
      parts.push(`${id} IS ${value === "true" ? "" : "NOT "}NULL`);
    } else if (op === "contains") {
      parts.push(`contains(lower(CAST(${id} AS VARCHAR)), lower($${values.length + 1}))`);
      values.push(value);
    } else {
      const param = `$${values.length + 1}`;
      // Text equality ignores case, except for ids (lineage columns and *_id fields: Salesforce ids differ by case only).
      const folded = column.type === "string" && (op === "eq" || op === "ne") && !isIdentifier(column.name);
      const compare = OPS[op as keyof typeof OPS];
      if (!folded && !parsesAs(column.type, value))
        throw new ValidationError(`"${key}" takes ${TYPE_WORDS[column.type]}`, [
          { path: key, message: `expected ${TYPE_WORDS[column.type]}` },
        ]);
      parts.push(
        folded ? `lower(${id}) ${compare} lower(${param})` : `${id} ${compare} TRY_CAST(${param} AS ${DUCKDB_TYPES[column.type]})`,
      );
      values.push(value);
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", values };
}

const isIdentifier = (name: string) => name.startsWith("_") || /(^|_)id$/i.test(name);

const TYPE_WORDS: Record<OntologyFieldType, string> = {
  string: "text",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  timestamp: "a date and time (ISO 8601)",
};

/** Whether a filter's value reads as the column's type (else DuckDB's TRY_CAST would make it NULL and the filter meaningless). */
function parsesAs(type: OntologyFieldType, value: string): boolean {
  const text = value.trim();
  if (type === "integer") return /^[-+]?\d+$/.test(text);
  if (type === "number") return text !== "" && Number.isFinite(Number(text));
  if (type === "boolean") return ["true", "false"].includes(text.toLowerCase());
  if (type === "date") return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
  if (type === "timestamp") return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text));
  return true;
}

function orderClause(columns: ViewColumn[], sort: string | undefined): string {
  const keys = (sort ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const order = keys.map((key) => {
    const name = key.replace(/^-/, "");
    if (!columns.some((c) => c.name === name))
      throw new ValidationError(`cannot sort by unknown field "${name}"`, [{ path: "sort", message: `unknown field "${name}"` }]);
    return `${quoteIdent(name)} ${key.startsWith("-") ? "DESC" : "ASC"} NULLS LAST`;
  });
  // Stable pages: lineage columns break every tie.
  return `ORDER BY ${[...order, `"_connection_id"`, `"_stream"`, `"_source_record_id"`].join(", ")}`;
}

/**
 * A page of one unified view's rows: filtered, sorted and paginated in DuckDB, with the total for
 * the filter and the cursor of the next page. `fresh`: see readBuild.
 */
export async function queryView(scope: TenantScope, entityName: string, query: ViewQuery, read: BuildRead = {}): Promise<ViewPage> {
  const ontology = await getTenantOntology(scope);
  const entity = ontology.entities.find((e) => e.name === entityName);
  if (!entity) throw new NotFoundError(`no entity "${entityName}"`);
  const { limit, offset } = pagingOf(query);
  const columns = columnsOf(entity);
  const where = whereClause(columns, query.filters);
  const order = orderClause(columns, query.sort);
  const files = await currentEntityFiles(scope, entity.name, read);
  if (!files) return { entity: entity.name, columns, total: 0, limit, offset, rows: [], built: false, nextCursor: null };
  // A field added to the ontology after the build reads as null until the next build.
  const missing = columns.filter((c) => !c.name.startsWith("_") && !files.columns.includes(c.name));
  const built = files.paths.length ? parquetRelation(files.paths) : `(${emptyEntitySql(entity)})`;
  const table = `(SELECT *${missing.map((c) => `, CAST(NULL AS ${DUCKDB_TYPES[c.type]}) AS ${quoteIdent(c.name)}`).join("")} FROM ${built})`;
  const key = JSON.stringify([scope.tenantId, files.buildId, entity.name, columns, where, order, limit, offset]);
  const answer = await viewAnswers.get(
    key,
    () =>
      withDuckDb(async (duck) => {
        const total = await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table} ${where.sql}`, where.values);
        const rows = await duck.runAndReadAll(
          `SELECT ${selectList(columns)} FROM ${table} ${where.sql} ${order} LIMIT ${limit} OFFSET ${offset}`,
          where.values,
        );
        // The select list makes every column a scalar (lib/dcl/views/schemas.ts ViewValue).
        return { total: total.getRowObjectsJS()[0]!.n as number, rows: rows.getRowObjectsJson() as ViewRow[] };
      }),
    (a) => JSON.stringify(a.rows).length * 2,
  );
  const next = offset + answer.rows.length;
  return {
    entity: entity.name,
    columns,
    ...answer,
    limit,
    offset,
    built: true,
    nextCursor: answer.rows.length > 0 && next < answer.total && next <= MAX_OFFSET ? viewCursor(next) : null,
  };
}

/** Every entity's view: its columns, row count and the streams feeding it, from the current build. Pass `state` when it is already read. */
export async function listViews(scope: TenantScope, state?: DclState): Promise<ViewList> {
  const { ontology, build } = state ?? (await readDclState(scope));
  const rows = new Map(build.entities.map((e) => [e.entity, e.rows]));
  return {
    builtAt: build.builtAt || null,
    ontologyVersion: ontology.version,
    views: ontology.entities.map((entity) => ({
      entity: entity.name,
      description: entity.description,
      rows: rows.get(entity.name) ?? 0,
      columns: columnsOf(entity),
      sources: build.sources.filter((s) => s.entity === entity.name),
    })),
  };
}
