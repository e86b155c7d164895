import type { SourceStream } from "@/lib/aam/connectors/types";
import { jsonPointer, quoteLiteral } from "@/lib/duckdb/sql";

const MAX_ID_LENGTH = 512;
const MAX_PAYLOAD_BYTES = 1_000_000;

/**
 * How a record is identified, as DuckDB SQL over its `payload` (JSON text): the primary key's
 * value (a composite key as a JSON array, so `("1|2","3")` and `("1","2|3")` stay apart), or, for a
 * stream without a key, the SHA-256 of its content.
 */
export function recordIdSql(stream: Pick<SourceStream, "primaryKey">): string {
  const key = stream.primaryKey;
  if (!key?.length) return `'sha256:' || sha256(payload)`;
  if (key.length === 1) return `json_extract_string(payload, ${quoteLiteral(jsonPointer(key[0]!))})`;
  return `CAST(json_array(${key.map((k) => `json_extract(payload, ${quoteLiteral(jsonPointer(k))})`).join(", ")}) AS VARCHAR)`;
}

/**
 * Why a record cannot become an event (NULL when it can): too large, a key value missing (null,
 * absent or empty), or a key too long. `id` is the SQL of its record id.
 */
export function recordProblemSql(stream: Pick<SourceStream, "primaryKey">, id: string): string {
  const key = stream.primaryKey ?? [];
  const missing = key.map((k) => {
    // A single key's value is the id itself: no second parse of the payload.
    const value = key.length === 1 ? id : `json_extract_string(payload, ${quoteLiteral(jsonPointer(k))})`;
    return `CASE WHEN ${value} IS NULL OR ${value} = '' THEN ${quoteLiteral(k)} END`;
  });
  const arms = [
    `WHEN strlen(payload) > ${MAX_PAYLOAD_BYTES} THEN ${quoteLiteral(`record is larger than ${MAX_PAYLOAD_BYTES.toLocaleString("en-US")} bytes`)}`,
  ];
  if (missing.length) {
    arms.push(
      `WHEN ${missing.map((m) => `${m} IS NOT NULL`).join(" OR ")} THEN 'missing primary key value (' || concat_ws(', ', ${missing.join(", ")}) || ')'`,
    );
  }
  arms.push(`WHEN strlen(${id}) > ${MAX_ID_LENGTH} THEN ${quoteLiteral(`primary key value is longer than ${MAX_ID_LENGTH} characters`)}`);
  return `CASE ${arms.join(" ")} END`;
}
