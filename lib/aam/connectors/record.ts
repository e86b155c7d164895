import type { SourceRecord } from "./types";

/**
 * An empty record without a prototype: every field name is data, so a source field named
 * `__proto__`, `constructor` or `prototype` is stored like any other, never reaching Object.prototype.
 * Connectors build records with this, then assign fields.
 */
export function newRecord(): SourceRecord {
  return Object.create(null) as SourceRecord;
}
