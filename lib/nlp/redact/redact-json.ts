import { createRedactor, type RedactOptions } from "./redact";
import type { PiiCounts } from "./types";

/**
 * Redacts every string in a JSON value (prompts, tool payloads, records) with one set of
 * placeholders, so a value repeated across fields gets the same placeholder. Object keys stay;
 * a string under a key is read with the key in front ("ssn: 123456789", "name: Ada Lovelace") so
 * labels that need context find it. Numbers, booleans and null are returned unchanged.
 */
export function redactJson<T>(value: T, options: RedactOptions = {}): { value: T; counts: PiiCounts } {
  const redactor = createRedactor(options);
  const visit = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === "string") return redactor.redact(node, key === undefined ? "" : `${key}: `).text;
    if (Array.isArray(node)) return node.map((item) => visit(item, key));
    if (node !== null && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v, k)]));
    return node;
  };
  const result = visit(value, undefined) as T;
  return { value: result, counts: redactor.counts() };
}
