const TYPE_WORDS: Record<string, string> = {
  string: "text",
  integer: "whole number",
  number: "number",
  boolean: "yes/no",
  date: "date",
  timestamp: "date and time",
  json: "nested data",
};

/** A normalized field type (lib/aam/connectors/types.ts FieldType) as people say it: "text", "whole number", "date and time". */
export function typeWords(type: string | null): string {
  return type ? (TYPE_WORDS[type] ?? type) : "unknown";
}
