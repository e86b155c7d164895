import { createHash } from "node:crypto";
import { z } from "zod";
import type { JsonValue, RejectedRecord, SourceRecord, SourceStream } from "@/lib/aam/connectors/types";

const MAX_ID_LENGTH = 512;
const MAX_PAYLOAD_BYTES = 1_000_000;

/** Every record read becomes one of these; it is what the DCL and the agents consume. */
export const CanonicalEvent = z.object({
  tenantId: z.uuid(),
  connectionId: z.uuid(),
  stream: z.string().min(1),
  sourceRecordId: z.string().min(1).max(MAX_ID_LENGTH),
  operation: z.enum(["upsert", "delete"]),
  observedAt: z.date(),
  payload: z.record(z.string(), z.json()),
  schemaFingerprintId: z.uuid(),
});
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;

export type Quarantined = { reason: string; location?: string; raw: string };
export type EventContext = { tenantId: string; connectionId: string; stream: SourceStream; fingerprintId: string; observedAt: Date };

/**
 * Normalizes one batch. A record without a usable id, too large, or failing the event schema is
 * quarantined with the reason; the rest of the batch goes on.
 */
export function toCanonicalEvents(context: EventContext, records: SourceRecord[], rejects: RejectedRecord[]): { events: (CanonicalEvent & { recordHash: string })[]; quarantined: Quarantined[] } {
  const events: (CanonicalEvent & { recordHash: string })[] = [];
  const quarantined: Quarantined[] = rejects.map((r) => ({ reason: r.reason, location: r.location, raw: r.raw }));
  for (const record of records) {
    const raw = JSON.stringify(record);
    if (raw.length > MAX_PAYLOAD_BYTES) {
      quarantined.push({ reason: `record is larger than ${MAX_PAYLOAD_BYTES.toLocaleString("en-US")} bytes`, raw });
      continue;
    }
    const id = recordId(context.stream, record, raw);
    if ("error" in id) {
      quarantined.push({ reason: id.error, raw });
      continue;
    }
    const parsed = CanonicalEvent.safeParse({
      tenantId: context.tenantId,
      connectionId: context.connectionId,
      stream: context.stream.name,
      sourceRecordId: id.value,
      operation: "upsert",
      observedAt: context.observedAt,
      payload: record,
      schemaFingerprintId: context.fingerprintId,
    });
    if (!parsed.success) {
      quarantined.push({ reason: `not a valid event: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`, raw });
      continue;
    }
    // The record itself, not the parsed copy: zod rebuilds objects and would drop a field named `__proto__`.
    events.push({ ...parsed.data, payload: record, recordHash: hashJson(record) });
  }
  return { events, quarantined };
}

/** The primary key's value(s); a stream without a key identifies records by their content. */
function recordId(stream: SourceStream, record: SourceRecord, raw: string): { value: string } | { error: string } {
  if (!stream.primaryKey) return { value: `sha256:${createHash("sha256").update(raw).digest("hex")}` };
  const values = stream.primaryKey.map((k) => record[k]);
  const missing = stream.primaryKey.filter((_, i) => values[i] === null || values[i] === undefined || values[i] === "");
  if (missing.length) return { error: `missing primary key value (${missing.join(", ")})` };
  const value = values.length === 1 ? String(values[0]) : JSON.stringify(values);
  if (value.length > MAX_ID_LENGTH) return { error: `primary key value is longer than ${MAX_ID_LENGTH} characters` };
  return { value };
}

/** SHA-256 of the JSON with keys sorted: the same record always hashes the same. */
export function hashJson(value: JsonValue): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

function stableStringify(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k]!)}`)
    .join(",")}}`;
}
