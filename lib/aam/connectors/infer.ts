import type { FieldType, JsonValue, SourceField, SourceRecord } from "./types";

/**
 * Type inference shared by the sources that do not declare types (files, MongoDB). Types merge up
 * a lattice: integer -> number, date -> timestamp; any other mix is a string; objects and arrays are json.
 */
export function typeOfValue(value: JsonValue): FieldType | null {
  if (value === null) return null;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "object") return "json";
  if (DATE.test(value)) return "date";
  if (TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return "timestamp";
  return "string";
}

export function mergeTypes(a: FieldType | null, b: FieldType | null): FieldType | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  const pair = new Set([a, b]);
  if (pair.has("integer") && pair.has("number")) return "number";
  if (pair.has("date") && pair.has("timestamp")) return "timestamp";
  return "string";
}

/** Fields in first-seen order; a field missing from some records, or null in any, is nullable. */
export function inferFields(records: SourceRecord[]): SourceField[] {
  const seen = new Map<string, { type: FieldType | null; nulls: number; present: number }>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const entry = seen.get(name) ?? { type: null, nulls: 0, present: 0 };
      entry.present++;
      if (value === null) entry.nulls++;
      entry.type = mergeTypes(entry.type, typeOfValue(value));
      seen.set(name, entry);
    }
  }
  return [...seen].map(([name, e]) => ({ name, type: e.type ?? "string", nullable: e.nulls > 0 || e.present < records.length }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const INTEGER = /^-?(0|[1-9]\d{0,15})$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/** The type a text cell would have (CSV): `"00123"` stays a string, `""` is null. */
export function typeOfText(text: string): FieldType | null {
  const value = text.trim();
  if (value === "") return null;
  if (INTEGER.test(value) && Number.isSafeInteger(Number(value))) return "integer";
  if (NUMBER.test(value) && Number.isFinite(Number(value))) return "number";
  if (BOOLEAN.test(value)) return "boolean";
  return typeOfValue(value);
}

/** Converts a text cell to the column's inferred type; a cell that does not fit stays text. */
export function parseText(text: string, type: FieldType): JsonValue {
  const value = text.trim();
  if (value === "") return null;
  switch (type) {
    case "integer":
    case "number":
      return NUMBER.test(value) && Number.isFinite(Number(value)) ? Number(value) : text;
    case "boolean":
      return BOOLEAN.test(value) ? value.toLowerCase() === "true" : text;
    case "string":
      return text;
    default:
      return value;
  }
}
