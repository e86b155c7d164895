import { describe, expect, it } from "vitest";
import { inferFields } from "@/lib/aam/connectors/infer";
import type { SourceField, SourceRecord } from "@/lib/aam/connectors/types";
import { fingerprintSchema, normalizeFields, profileSample, type SchemaField } from "@/lib/aam/schema/fingerprint";

const accounts: SchemaField[] = [
  { name: "id", type: "integer", nullable: false },
  { name: "name", type: "string", nullable: false },
  { name: "email", type: "string", nullable: true },
  { name: "annual_revenue", type: "number", nullable: true },
  { name: "created_at", type: "timestamp", nullable: false },
];

const HEX_SHA256 = /^[0-9a-f]{64}$/;

describe("normalizeFields", () => {
  it("keeps name, type, nullability and the source's own type name, in source order", () => {
    const declared: SourceField[] = [
      { name: "Id", type: "string", nullable: false, sourceType: "id" },
      { name: "AnnualRevenue", type: "number", nullable: true, sourceType: "currency" },
      { name: "CreatedDate", type: "timestamp", nullable: false },
    ];
    expect(normalizeFields(declared)).toStrictEqual([
      { name: "Id", type: "string", nullable: false, sourceType: "id" },
      { name: "AnnualRevenue", type: "number", nullable: true, sourceType: "currency" },
      { name: "CreatedDate", type: "timestamp", nullable: false },
    ]);
  });

  it("gives the same fingerprint when only the source's type name changes (timestamptz -> timestamp)", () => {
    const before: SourceField[] = [{ name: "created_at", type: "timestamp", nullable: false, sourceType: "timestamptz" }];
    const after: SourceField[] = [{ name: "created_at", type: "timestamp", nullable: false, sourceType: "timestamp without time zone" }];
    expect(fingerprintSchema(normalizeFields(after))).toBe(fingerprintSchema(normalizeFields(before)));
  });

  it("gives the fingerprint stored before source type names were recorded", () => {
    const typed: SourceField[] = [{ name: "id", type: "integer", nullable: false, sourceType: "int4" }];
    expect(fingerprintSchema(normalizeFields(typed))).toBe("a5c6d6c759d799adc29792edeb39489fa1161b4a7e70d127ffc409d100f8305b");
  });
});

describe("fingerprintSchema", () => {
  it("is a SHA-256 hex digest, the same on every call", () => {
    const fingerprint = fingerprintSchema(accounts);
    expect(fingerprint).toMatch(HEX_SHA256);
    expect(fingerprintSchema(structuredClone(accounts))).toBe(fingerprint);
  });

  it("keeps the fingerprints stored by earlier versions valid (canonical form is pinned)", () => {
    // Changing how the schema is serialised before hashing would make every stored stream look drifted.
    expect(fingerprintSchema([{ name: "id", type: "integer", nullable: false }])).toBe(
      "a5c6d6c759d799adc29792edeb39489fa1161b4a7e70d127ffc409d100f8305b",
    );
  });

  it("does not change when columns are reordered", () => {
    const reversed = [...accounts].reverse();
    const shuffled = [accounts[2]!, accounts[0]!, accounts[4]!, accounts[1]!, accounts[3]!];
    expect(fingerprintSchema(reversed)).toBe(fingerprintSchema(accounts));
    expect(fingerprintSchema(shuffled)).toBe(fingerprintSchema(accounts));
  });

  it("does not change between two different samples of the same stream", () => {
    const monday: SourceRecord[] = [
      { id: 1, name: "Acme", email: "ops@acme.com", annual_revenue: 1200000.5, created_at: "2024-01-02T09:00:00Z" },
      { id: 2, name: "Globex", email: null, annual_revenue: null, created_at: "2024-01-03T10:30:00Z" },
    ];
    const tuesday: SourceRecord[] = [
      { id: 3, name: "Initech", email: "it@initech.com", annual_revenue: null, created_at: "2024-02-10T08:15:00Z" },
      { id: 4, name: "Umbrella", email: null, annual_revenue: 99.5, created_at: "2024-02-11T17:45:00Z" },
      { id: 5, name: "Hooli", email: "hi@hooli.xyz", annual_revenue: 45000.75, created_at: "2024-02-12T12:00:00Z" },
    ];
    const mondayFields = normalizeFields(inferFields(monday));
    const tuesdayFields = normalizeFields(inferFields(tuesday));
    expect(profileSample(tuesdayFields, tuesday)).not.toEqual(profileSample(mondayFields, monday));
    expect(fingerprintSchema(tuesdayFields)).toBe(fingerprintSchema(mondayFields));
  });

  it("changes when a field is renamed, retyped or its nullability changes", () => {
    const base = fingerprintSchema(accounts);
    const with_ = (index: number, change: Partial<SchemaField>) => accounts.map((f, i) => (i === index ? { ...f, ...change } : f));
    const renamed = fingerprintSchema(with_(2, { name: "email_address" }));
    const retyped = fingerprintSchema(with_(0, { type: "string" }));
    const nullable = fingerprintSchema(with_(1, { nullable: true }));
    const added = fingerprintSchema([...accounts, { name: "industry", type: "string", nullable: true }]);
    const removed = fingerprintSchema(accounts.slice(1));
    const all = [base, renamed, retyped, nullable, added, removed];
    expect(new Set(all).size).toBe(all.length);
  });

  it("hashes hostile names (quotes, backslashes, control characters, unicode, 1,000 chars) and tells them apart", () => {
    const names = [
      `"; DROP TABLE accounts; --`,
      `a","string",false],["b`,
      "back\\slash",
      "new\nline\ttab\u0000nul",
      "名前",
      "Имя",
      "emoji 🚀",
      "\uD800 lone surrogate",
      "\uDBFF lone surrogate",
      "x".repeat(1000),
      `${"x".repeat(999)}y`,
      "",
    ];
    const fingerprints = names.map((name) => fingerprintSchema([{ name, type: "string", nullable: false }]));
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(HEX_SHA256);
    expect(new Set(fingerprints).size).toBe(names.length);
  });

  it("cannot be fooled by a name that imitates two fields", () => {
    const two: SchemaField[] = [
      { name: "a", type: "string", nullable: false },
      { name: "b", type: "string", nullable: false },
    ];
    const one: SchemaField[] = [{ name: `a","string",false],["b`, type: "string", nullable: false }];
    expect(fingerprintSchema(one)).not.toBe(fingerprintSchema(two));
  });
});

describe("profileSample", () => {
  const fields: SchemaField[] = [
    { name: "id", type: "integer", nullable: false },
    { name: "phone", type: "string", nullable: true },
    { name: "amount", type: "number", nullable: true },
    { name: "close_date", type: "date", nullable: true },
  ];
  const sample: SourceRecord[] = [
    { id: 1, phone: "+1 555 0100", amount: 1200, close_date: "2024-03-01" },
    { id: 2, phone: null, amount: 5400.5, close_date: "2024-04-15" },
    { id: 3, amount: 300, close_date: null },
    { id: 4, phone: "+1 555 0103", amount: null, close_date: "2024-05-20" },
  ];

  it("counts the records it sampled", () => {
    expect(profileSample(fields, sample).sampled).toBe(4);
  });

  it("reports the null rate, counting a missing key as null", () => {
    const { fields: profile } = profileSample(fields, sample);
    expect(profile.id!.nullRate).toBe(0);
    expect(profile.phone!.nullRate).toBe(0.5);
    expect(profile.amount!.nullRate).toBe(0.25);
    expect(profile.close_date!.nullRate).toBe(0.25);
  });

  it("reports how many sampled values had each type, nulls counted apart", () => {
    const { fields: profile } = profileSample(fields, sample);
    expect(profile.id!.types).toEqual({ integer: 4 });
    expect(profile.phone!.types).toEqual({ string: 2, null: 2 });
    expect(profile.amount!.types).toEqual({ integer: 2, number: 1, null: 1 });
    expect(profile.close_date!.types).toEqual({ date: 3, null: 1 });
  });

  it("keeps non-null examples in sample order, never nulls", () => {
    const { fields: profile } = profileSample(fields, sample);
    expect(profile.phone!.examples).toEqual(["+1 555 0100", "+1 555 0103"]);
    expect(profile.amount!.examples).toEqual([1200, 5400.5, 300]);
  });

  it("keeps at most five distinct examples; repeated values take no slot", () => {
    const stages = [
      "Prospecting",
      "Prospecting",
      "Qualification",
      "Prospecting",
      "Proposal",
      "Negotiation",
      "Qualification",
      "Closed Won",
      "Closed Lost",
      "On Hold",
    ];
    const profile = profileSample(
      [{ name: "stage", type: "string", nullable: false }],
      stages.map((stage) => ({ stage })),
    );
    expect(profile.fields.stage!.examples).toEqual(["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"]);
    expect(profile.fields.stage!.types).toEqual({ string: 10 });
  });

  it("tells a number from the same digits as text", () => {
    const profile = profileSample([{ name: "code", type: "string", nullable: false }], [{ code: 42 }, { code: "42" }]);
    expect(profile.fields.code!.examples).toEqual([42, "42"]);
    expect(profile.fields.code!.types).toEqual({ integer: 1, string: 1 });
  });

  it("cuts long strings to 120 characters plus an ellipsis and leaves shorter ones and objects whole", () => {
    const long = "Lorem ipsum ".repeat(50);
    const exact = "y".repeat(120);
    const address = { street: "1 Main St", city: "Springfield" };
    const profile = profileSample(
      [
        { name: "notes", type: "string", nullable: false },
        { name: "address", type: "json", nullable: false },
      ],
      [
        { notes: long, address },
        { notes: exact, address },
      ],
    );
    expect(profile.fields.notes!.examples).toEqual([`${long.slice(0, 120)}…`, exact]);
    expect(profile.fields.address!.examples).toEqual([address]);
  });

  it("profiles an empty sample without dividing by zero", () => {
    const profile = profileSample(fields, []);
    expect(profile.sampled).toBe(0);
    expect(profile.fields.phone).toEqual({ types: {}, nullRate: 0, examples: [] });
  });
});
