import { newRecord } from "./record";
import type { JsonValue, SourceRecord } from "./types";

const MAX_DEPTH = 8;

/**
 * Flattens nested objects into dotted paths (`address.city`); arrays stay whole JSON values.
 * Below MAX_DEPTH the remaining object is kept as one JSON value rather than dropped.
 */
export function flattenRecord(value: { [key: string]: JsonValue }, prefix = "", depth = 0, out: SourceRecord = newRecord()): SourceRecord {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === "object" && !Array.isArray(child) && depth < MAX_DEPTH && Object.keys(child).length > 0) {
      flattenRecord(child, path, depth + 1, out);
    } else {
      out[path] = child;
    }
  }
  return out;
}
