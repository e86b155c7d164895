import { describe, expect, it } from "vitest";
import { CanonicalEvent, hashJson, toCanonicalEvents } from "@/lib/aam/events/canonical-event";
import { eventContext } from "../support/events";

const context = eventContext("accounts", ["Id"]);
const { stream } = context;

describe("canonical events", () => {
  it("turns records into valid events and quarantines the ones without a usable id, keeping the batch", () => {
    const { events, quarantined } = toCanonicalEvents(
      context,
      [{ Id: "001", Name: "Acme" }, { Id: null, Name: "No id" }, { Id: "x".repeat(600), Name: "Long id" }, { Id: "002", Name: "Globex" }],
      [{ raw: "broken,row", reason: "row has 2 fields; the header has 3", location: "line 9" }],
    );
    expect(events.map((e) => e.sourceRecordId)).toEqual(["001", "002"]);
    expect(events.every((e) => CanonicalEvent.safeParse(e).success)).toBe(true);
    expect(events[0]).toMatchObject({ operation: "upsert", stream: "accounts", schemaFingerprintId: context.fingerprintId, payload: { Id: "001", Name: "Acme" } });
    expect(quarantined.map((q) => q.reason)).toEqual(["row has 2 fields; the header has 3", "missing primary key value (Id)", "primary key value is longer than 512 characters"]);
    expect(quarantined[1]!.raw).toBe(JSON.stringify({ Id: null, Name: "No id" }));
  });

  it("identifies keyless records by content and composite keys without ambiguity", () => {
    const keyless = toCanonicalEvents({ ...context, stream: { ...stream, primaryKey: null } }, [{ a: 1 }, { a: 1 }, { a: 2 }], []);
    expect(keyless.events[0]!.sourceRecordId).toBe(keyless.events[1]!.sourceRecordId);
    expect(keyless.events[0]!.sourceRecordId).not.toBe(keyless.events[2]!.sourceRecordId);
    const composite = toCanonicalEvents({ ...context, stream: { ...stream, primaryKey: ["a", "b"] } }, [{ a: "1|2", b: "3" }, { a: "1", b: "2|3" }], []);
    expect(composite.events[0]!.sourceRecordId).not.toBe(composite.events[1]!.sourceRecordId);
  });

  it("quarantines records over a megabyte instead of storing them", () => {
    const { events, quarantined } = toCanonicalEvents(context, [{ Id: "big", blob: "x".repeat(1_100_000) }], []);
    expect(events).toEqual([]);
    expect(quarantined[0]!.reason).toBe("record is larger than 1,000,000 bytes");
  });

  it("hashes records independently of key order", () => {
    expect(hashJson({ a: 1, b: { c: [1, 2], d: null } })).toBe(hashJson({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(hashJson({ a: 1 })).not.toBe(hashJson({ a: "1" }));
  });
});
