/** SQL text for DuckDB. Every identifier and literal built from source or tenant data goes through these. */

export function quoteIdent(name: string): string {
  return `"${name.replace(/\0/g, "").replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/\0/g, "").replace(/'/g, "''")}'`;
}

/**
 * A JSON Pointer (RFC 6901) to one key of a flat payload: `~` and `/` escaped, so any field name,
 * dots, quotes and slashes included, addresses exactly that key.
 */
export function jsonPointer(key: string): string {
  return `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The raw text of source fields of the `payload` column, as a list in the keys' order (null where absent), from one parse. */
export function rawFields(keys: string[]): string {
  return `json_extract_string(payload, [${keys.map((k) => quoteLiteral(jsonPointer(k))).join(", ")}])`;
}
