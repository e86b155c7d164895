import type { SourceStream } from "@/lib/aam/connectors/types";

/** What `toCanonicalEvents` needs to know about where records came from: fixed ids, a stream keyed by `primaryKey`. */
export function eventContext(name: string, primaryKey: string[]) {
  const stream: SourceStream = { name, fields: [], primaryKey, cursorField: null, sample: [] };
  return {
    tenantId: "6b0c1f4e-8a3b-4c7e-9d2f-1a2b3c4d5e6f",
    connectionId: "0f0e0d0c-0b0a-4908-8706-050403020100",
    stream,
    fingerprintId: "11111111-2222-4333-8444-555555555555",
    observedAt: new Date("2026-11-01T00:00:00Z"),
  };
}
