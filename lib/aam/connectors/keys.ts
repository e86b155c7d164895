import type { SourceRecord } from "./types";

/** `id`, `Id`, `account_id`, `ContactId`, `Opportunity ID`, `identity/LineItemId` all look like ids. */
export function looksLikeId(name: string): boolean {
  const tokens = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return tokens.at(-1)?.toLowerCase() === "id";
}

/**
 * For sources without a declared key: the first id-like field (an exact `id` first) whose values
 * in the records are all present and distinct. null when none qualifies.
 */
export function detectPrimaryKey(fieldNames: string[], records: SourceRecord[]): string[] | null {
  const candidates = fieldNames.filter(looksLikeId).sort((a, b) => Number(b.toLowerCase() === "id") - Number(a.toLowerCase() === "id"));
  for (const name of candidates) {
    const values = new Set<string>();
    let ok = records.length > 0;
    for (const record of records) {
      const value = record[name];
      if (value === null || value === undefined || value === "" || values.has(String(value))) {
        ok = false;
        break;
      }
      values.add(String(value));
    }
    if (ok) return [name];
  }
  return null;
}
