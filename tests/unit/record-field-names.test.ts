import { describe, expect, it } from "vitest";
import { hashJson, toCanonicalEvents } from "@/lib/aam/events/canonical-event";
import { newRecord } from "@/lib/aam/connectors/record";
import type { SourceRecord } from "@/lib/aam/connectors/types";
import { profileSample } from "@/lib/aam/schema/fingerprint";
import { eventContext } from "../support/events";

const context = eventContext("things", ["id"]);

/** A record as connectors build them, from JSON text (in an object literal `__proto__` would set the prototype). */
function record(json: string): SourceRecord {
  const out = newRecord();
  for (const [key, value] of Object.entries(JSON.parse(json) as SourceRecord)) out[key] = value;
  return out;
}

describe("records with fields named like Object.prototype's", () => {
  const json = '{"id":"1","__proto__":{"polluted":true},"constructor":"c","prototype":"p"}';

  it("keep them in the event payload and its JSON", () => {
    const fields = JSON.parse(json);
    const { events, quarantined } = toCanonicalEvents(context, [record(json)], []);
    expect(quarantined).toEqual([]);
    expect(Object.keys(events[0]!.payload)).toEqual(["id", "__proto__", "constructor", "prototype"]);
    expect(JSON.parse(JSON.stringify(events[0]!.payload))).toEqual(fields);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("hash them, so a record that differs only there is another version", () => {
    const other = record('{"id":"1","__proto__":{"polluted":false},"constructor":"c","prototype":"p"}');
    expect(hashJson(record(json))).not.toBe(hashJson(other));
    expect(hashJson(record(json))).not.toBe(hashJson(record('{"id":"1","constructor":"c","prototype":"p"}')));
  });

  it("profile them like any field", () => {
    const fields = ["__proto__", "constructor", "prototype"].map((name) => ({ name, type: "string" as const, nullable: false }));
    const profile = profileSample(fields, [record('{"__proto__":"a","constructor":"b","prototype":"c"}')]);
    expect(Object.keys(profile.fields)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(profile.fields["__proto__"]!.examples).toEqual(["a"]);
    expect(JSON.parse(JSON.stringify(profile)).fields.__proto__).toMatchObject({ examples: ["a"] });
  });
});
