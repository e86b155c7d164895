import type { FieldType } from "@/lib/aam/connectors/types";

/**
 * The platform's type for a vendor's type name: SQL (`varchar(255)`, `decimal(18,2)`,
 * `timestamp with time zone`), Salesforce (`picklist`, `currency`, `percent`, `reference`), SAP
 * (`DATS`, `CURR`, `NUMC`, `CUKY`), Snowflake (`NUMBER(38,0)`, `TIMESTAMP_NTZ`), MongoDB
 * (`objectId`, `int32`, `double`), OData (`Edm.Decimal`) and JSON APIs. Unknown names are strings.
 */
export function normalizeType(vendorType: string): FieldType {
  // OData and Dynamics (`Edm.Int32`), and MySQL's `int unsigned`, name the same types.
  const t = vendorType.trim().toLowerCase().replace(/^edm\./, "").replace(/\s+unsigned$/, "");
  const scale = /^(?:number|numeric|decimal|dec)\s*\(\s*\d+\s*(?:,\s*(\d+)\s*)?\)$/.exec(t);
  if (scale) return scale[1] && Number(scale[1]) > 0 ? "number" : "integer";
  const base = t.replace(/\(.*\)$/, "").trim();
  if (TYPES.has(base)) return TYPES.get(base)!;
  if (base.startsWith("timestamp") || base.startsWith("datetime")) return "timestamp";
  return "string";
}

const NAMES: Record<FieldType, string[]> = {
  integer: ["int", "int2", "int4", "int8", "int16", "int32", "int64", "integer", "bigint", "smallint", "tinyint", "long", "serial", "bigserial", "int1", "long integer"],
  number: ["number", "numeric", "decimal", "dec", "double", "double precision", "float", "float4", "float8", "real", "money", "currency", "percent", "curr", "quan", "fltp", "decimal128"],
  boolean: ["bool", "boolean", "bit", "checkbox", "flag"],
  date: ["date", "dats"],
  timestamp: ["timestamp", "timestamptz", "datetime", "datetime2", "datetimeoffset", "timestamp_ntz", "timestamp_ltz", "timestamp_tz", "instant", "epoch"],
  json: ["json", "jsonb", "object", "array", "variant", "struct", "map", "document", "anytype"],
  string: ["string", "text", "varchar", "char", "nvarchar", "nchar", "character varying", "character", "clob", "uuid", "id", "objectid", "reference", "picklist", "multipicklist", "email", "phone", "url", "textarea", "numc", "cuky", "unit", "tims", "lang", "clnt"],
};
const TYPES = new Map<string, FieldType>(Object.entries(NAMES).flatMap(([type, names]) => names.map((n) => [n, type as FieldType])));
