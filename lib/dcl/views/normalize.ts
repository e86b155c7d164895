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
/**
 * Flags as sources write them: English, one-letter ERP flags (SAP's `X`, `J`/`N`, `S`/`N`, `O`/`N`) and
 * other languages. An empty value is null, never false: after loading, a blank SAP `X`-flag cannot be
 * told from a missing value, and a wrong false is worse than an unknown.
 */
const TRUE_WORDS = [
  "true",
  "t",
  "yes",
  "y",
  "1",
  "x",
  "j",
  "ja",
  "wahr",
  "s",
  "si",
  "sí",
  "sim",
  "verdadero",
  "verdadeiro",
  "o",
  "oui",
  "vrai",
  "vero",
  "waar",
  "won",
  "closed won",
];
const FALSE_WORDS = ["false", "f", "no", "n", "0", "nein", "falsch", "não", "nao", "falso", "non", "faux", "onwaar", "lost", "closed lost"];

const list = (values: string[]) => values.map(quoteLiteral).join(", ");
const text = (raw: string) => `NULLIF(trim(${raw}), '')`;

/**
 * A number as written anywhere: `1234.5`, `1,234.56` (comma thousands), `1.234,56` and `1234,56`
 * (decimal comma), `1.234.567`, and SAP's trailing minus `100,00-`. A lone comma before exactly
 * three digits (`1,234`) is read as thousands.
 */
function number(raw: string): string {
  const signed = `regexp_replace(${text(raw)}, '^([0-9.,]*[0-9])-$', '-\\1')`;
  const plain = (from: string) => `regexp_replace(${signed}, ${quoteLiteral(from)}, '', 'g')`;
  const written = [
    `WHEN regexp_full_match(${signed}, '[+-]?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?') THEN replace(${plain("\\.")}, ',', '.')`,
    `WHEN regexp_full_match(${signed}, '[+-]?[0-9]+,[0-9]+') AND NOT regexp_full_match(${signed}, '[+-]?[0-9]{1,3},[0-9]{3}') THEN replace(${signed}, ',', '.')`,
    `WHEN regexp_full_match(${signed}, '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?') THEN ${plain(",")}`,
  ];
  return `COALESCE(TRY_CAST(${text(raw)} AS DOUBLE), TRY_CAST(CASE ${written.join(" ")} ELSE ${signed} END AS DOUBLE))`;
}

const DAY_FIRST = ["%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"];
const MONTH_FIRST = ["%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S"];

/**
 * Dates ISO casts do not read, as a local timestamp: `20240131` (SAP, exports; `00000000` is null)
 * and `31.01.2024`, `31/01/2024`, `01/31/2024`, `31-01-2024`, with or without a time. Order is
 * decided per value: a first part over 12 is the day, a second part over 12 the day; when both
 * could be months, `/` is month-first (US) and `.` or `-` day-first (European).
 */
function localDate(raw: string): string {
  const t = text(raw);
  const slashed = `regexp_replace(${t}, '^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})', '\\1/\\2/\\3')`;
  const part = (n: number) => `TRY_CAST(regexp_extract(${t}, '^([0-9]{1,2})[./-]([0-9]{1,2})', ${n}) AS INTEGER)`;
  const monthFirst = `(${part(2)} > 12 OR (${part(1)} <= 12 AND regexp_matches(${t}, '^[0-9]{1,2}/')))`;
  return [
    `CASE WHEN regexp_full_match(${t}, '[0-9]{8}') THEN try_strptime(${t}, '%Y%m%d')`,
    `WHEN regexp_matches(${t}, '^[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}') THEN`,
    `CASE WHEN ${monthFirst} THEN try_strptime(${slashed}, [${list(MONTH_FIRST)}]) ELSE try_strptime(${slashed}, [${list(DAY_FIRST)}]) END END`,
  ].join(" ");
}

function instant(raw: string, transform: ValueTransform | null): string {
  if (transform === "epoch_seconds") return `to_timestamp(${number(raw)})`;
  if (transform === "epoch_millis") return `to_timestamp(${number(raw)} / 1000)`;
  return `COALESCE(TRY_CAST(${text(raw)} AS TIMESTAMPTZ), CAST(${localDate(raw)} AS TIMESTAMPTZ))`;
}

/** Canonical spellings: a CASE over the field's value synonyms; unknown values kept, lower-cased. */
function canonicalValue(raw: string, values: Record<string, string[]>): string {
  const lowered = `lower(${text(raw)})`;
  const arms = Object.entries(values).map(
    ([canonical, spellings]) =>
      `WHEN ${lowered} IN (${list([canonical, ...spellings].map((s) => s.toLowerCase()))}) THEN ${quoteLiteral(canonical)}`,
  );
  return `CASE ${arms.join(" ")} ELSE ${lowered} END`;
}

/**
 * The SQL expression that projects one source field into an ontology field: cast to the field's
 * type and normalized (local and compact dates and numbers as written in any locale, flags in any
 * language, epoch times to timestamps, minor units to major, percent to fraction,
 * currency codes upper-case, domains from URLs, canonical values). `raw` is the source text;
 * `currencyRaw`, when the stream maps a currency, decides the minor-unit divisor per row.
 */
export function projectField(field: OntologyField, raw: string, transform: ValueTransform | null, currencyRaw: string | null): string {
  switch (field.type) {
    case "timestamp":
      return instant(raw, transform);
    case "date":
      return transform
        ? `CAST(${instant(raw, transform)} AS DATE)`
        : `COALESCE(TRY_CAST(${text(raw)} AS DATE), CAST(TRY_CAST(${text(raw)} AS TIMESTAMPTZ) AS DATE), CAST(${localDate(raw)} AS DATE))`;
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
