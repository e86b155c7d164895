import type { OntologyField, OntologyFieldType } from "@/lib/dcl/ontology/definition";
import type { ValueTransform } from "@/lib/dcl/matcher/types";
import { quoteLiteral } from "@/lib/duckdb/sql";

/** DuckDB column types of ontology field types. Timestamps are UTC instants. */
export const DUCKDB_TYPES: Record<OntologyFieldType, string> = {
  string: "VARCHAR",
  integer: "BIGINT",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMPTZ",
};

/** ISO 4217 currencies whose minor unit is not 1/100 (Stripe's zero- and three-decimal lists). */
const ZERO_DECIMAL = ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
const THREE_DECIMAL = ["BHD", "JOD", "KWD", "OMR", "TND"];
const TRUE_WORDS = ["true", "t", "yes", "y", "1", "won", "closed won"];
const FALSE_WORDS = ["false", "f", "no", "n", "0", "lost", "closed lost"];

const list = (values: string[]) => values.map(quoteLiteral).join(", ");
const text = (raw: string) => `NULLIF(trim(${raw}), '')`;
const number = (raw: string) => `TRY_CAST(${text(raw)} AS DOUBLE)`;

function instant(raw: string, transform: ValueTransform | null): string {
  if (transform === "epoch_seconds") return `to_timestamp(${number(raw)})`;
  if (transform === "epoch_millis") return `to_timestamp(${number(raw)} / 1000)`;
  return `TRY_CAST(${text(raw)} AS TIMESTAMPTZ)`;
}

/** Canonical spellings: a CASE over the field's value synonyms; unknown values kept, lower-cased. */
function canonicalValue(raw: string, values: Record<string, string[]>): string {
  const lowered = `lower(${text(raw)})`;
  const arms = Object.entries(values).map(([canonical, spellings]) => `WHEN ${lowered} IN (${list([canonical, ...spellings].map((s) => s.toLowerCase()))}) THEN ${quoteLiteral(canonical)}`);
  return `CASE ${arms.join(" ")} ELSE ${lowered} END`;
}

/**
 * The SQL expression that projects one source field into an ontology field: cast to the field's
 * type and normalized (epoch times to timestamps, minor units to major, percent to fraction,
 * currency codes upper-case, domains from URLs, canonical values). `raw` is the source text;
 * `currencyRaw`, when the stream maps a currency, decides the minor-unit divisor per row.
 */
export function projectField(field: OntologyField, raw: string, transform: ValueTransform | null, currencyRaw: string | null): string {
  switch (field.type) {
    case "timestamp":
      return instant(raw, transform);
    case "date":
      return transform ? `CAST(${instant(raw, transform)} AS DATE)` : `COALESCE(TRY_CAST(${text(raw)} AS DATE), CAST(TRY_CAST(${text(raw)} AS TIMESTAMPTZ) AS DATE))`;
    case "boolean":
      return `CASE WHEN lower(${text(raw)}) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(${text(raw)}) IN (${list(FALSE_WORDS)}) THEN false END`;
    case "integer":
      return `CAST(round(${number(raw)}) AS BIGINT)`;
    case "number": {
      const value = number(raw);
      if (transform === "percent_to_fraction") return `(${value} / 100)`;
      if (transform === "fraction_to_percent") return `(${value} * 100)`;
      if (transform !== "minor_units") return value;
      if (!currencyRaw) return `(${value} / 100)`;
      const code = `upper(${text(currencyRaw)})`;
      return `(${value} / CASE WHEN ${code} IN (${list(ZERO_DECIMAL)}) THEN 1 WHEN ${code} IN (${list(THREE_DECIMAL)}) THEN 1000 ELSE 100 END)`;
    }
    case "string":
      if (field.values) return canonicalValue(raw, field.values);
      if (field.semantic === "currency") return `CASE WHEN regexp_full_match(upper(${text(raw)}), '[A-Z]{3}') THEN upper(${text(raw)}) END`;
      if (field.semantic === "domain") {
        return `NULLIF(regexp_extract(lower(${text(raw)}), '^(?:[a-z][a-z0-9+.-]*://)?(?:www\\.)?([^/:?#\\s]+)', 1), '')`;
      }
      if (field.semantic === "email") return `lower(${text(raw)})`;
      return text(raw);
  }
}
