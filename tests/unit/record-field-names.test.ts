import { describe, expect, it } from "vitest";
import { newRecord } from "@/lib/aam/connectors/record";
import type { SourceRecord } from "@/lib/aam/connectors/types";
import { profileSample } from "@/lib/aam/schema/fingerprint";

/** A record as connectors build them, from JSON text (in an object literal `__proto__` would set the prototype). */
function record(json: string): SourceRecord {
  const out = newRecord();
  for (const [key, value] of Object.entries(JSON.parse(json) as SourceRecord)) out[key] = value;
  return out;
}

describe("records with fields named like Object.prototype's", () => {
  it("profile them like any field", () => {
    const fields = ["__proto__", "constructor", "prototype"].map((name) => ({ name, type: "string" as const, nullable: false }));
    const profile = profileSample(fields, [record('{"__proto__":"a","constructor":"b","prototype":"c"}')]);
    expect(Object.keys(profile.fields)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(profile.fields["__proto__"]!.examples).toEqual(["a"]);
    expect(JSON.parse(JSON.stringify(profile)).fields.__proto__).toMatchObject({ examples: ["a"] });
  });
});
