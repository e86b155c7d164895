import { describe, expect, it } from "vitest";
import type { FieldType, JsonValue, SourceRecord } from "@/lib/aam/connectors/types";
import { compareSchemas, type StreamSchema } from "@/lib/aam/drift/classify";
import { decide, type PolicyDecision } from "@/lib/aam/drift/policy";
import { nameSimilarity, RENAME_THRESHOLD } from "@/lib/aam/drift/rename";
import { classifyTypeChange, type TypeChangeDirection } from "@/lib/aam/drift/type-change";
import type { SchemaChange, Severity } from "@/lib/aam/drift/types";
import { profileSample, type SchemaField } from "@/lib/aam/schema/fingerprint";
import type { SchemaPolicy } from "@/lib/aam/schemas";

/** A CRM accounts stream as a connector would discover it: declared fields plus a sample. */
const fields: SchemaField[] = [
  { name: "id", type: "integer", nullable: false },
  { name: "name", type: "string", nullable: false },
  { name: "email", type: "string", nullable: true },
  { name: "phone", type: "string", nullable: true },
  { name: "amount", type: "integer", nullable: false },
  { name: "annual_revenue", type: "number", nullable: true },
  { name: "employees", type: "integer", nullable: true },
  { name: "closeDate", type: "date", nullable: true },
  { name: "is_customer", type: "boolean", nullable: false },
];

const records: SourceRecord[] = [
  {
    id: 1,
    name: "Acme Corp",
    email: "ops@acme.com",
    phone: "+1 555 0100",
    amount: 1200,
    annual_revenue: 1250000.5,
    employees: 120,
    closeDate: "2024-03-01",
    is_customer: true,
  },
  {
    id: 2,
    name: "Globex",
    email: "it@globex.com",
    phone: "+1 555 0101",
    amount: 5400,
    annual_revenue: 830000.25,
    employees: 45,
    closeDate: "2024-04-15",
    is_customer: false,
  },
  {
    id: 3,
    name: "Initech",
    email: "bill@initech.com",
    phone: null,
    amount: 300,
    annual_revenue: null,
    employees: 800,
    closeDate: null,
    is_customer: true,
  },
  {
    id: 4,
    name: "Umbrella",
    email: null,
    phone: "+44 20 7946 0018",
    amount: 98000,
    annual_revenue: 45000000.75,
    employees: 12000,
    closeDate: "2024-06-30",
    is_customer: true,
  },
  {
    id: 5,
    name: "Hooli",
    email: "sales@hooli.xyz",
    phone: "+1 555 0199",
    amount: 750,
    annual_revenue: 99000.1,
    employees: null,
    closeDate: "2024-07-04",
    is_customer: false,
  },
  {
    id: 6,
    name: "Vandelay Industries",
    email: "art@vandelay.com",
    phone: "+1 555 0142",
    amount: 2100,
    annual_revenue: 310000.9,
    employees: 8,
    closeDate: "2024-08-19",
    is_customer: true,
  },
];

const stream = (schemaFields: SchemaField[], sample: SourceRecord[]): StreamSchema => ({
  fields: schemaFields,
  profile: profileSample(schemaFields, sample),
});
const accounts = stream(fields, records);

/** The accounts stream after the source renamed columns; the data under them is unchanged. */
function renamed(renames: Record<string, string>, changeType: Record<string, FieldType> = {}): StreamSchema {
  const to = (name: string) => renames[name] ?? name;
  const next = fields.map((f) => ({ ...f, name: to(f.name), type: changeType[f.name] ?? f.type }));
  const sample = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [to(k), v])));
  return stream(next, sample);
}

/** The accounts stream with one field redeclared and its values rewritten to match. */
function changed(name: string, change: Partial<SchemaField>, value: (v: JsonValue) => JsonValue = (v) => v): StreamSchema {
  const next = fields.map((f) => (f.name === name ? { ...f, ...change } : f));
  return stream(
    next,
    records.map((r) => ({ ...r, [name]: value(r[name]!) })),
  );
}

const summary = (changes: SchemaChange[]) =>
  changes.map(({ kind, field, previousField, severity }) => ({ kind, field, previousField, severity }));

describe("compareSchemas on a CRM accounts stream", () => {
  it("reports nothing for an unchanged schema", () => {
    expect(compareSchemas(accounts, stream(fields, records))).toEqual([]);
  });

  it("reports nothing when only the column order and the sampled records differ", () => {
    const later = records.map((r) => ({ ...r, id: (r.id as number) + 100, amount: (r.amount as number) * 2 }));
    expect(compareSchemas(accounts, stream([...fields].reverse(), later))).toEqual([]);
  });

  it("reports an added field as non-breaking", () => {
    const next = stream(
      [...fields, { name: "industry", type: "string", nullable: true }],
      records.map((r, i) => ({ ...r, industry: ["Manufacturing", "Energy", "Software", null, "Software", "Import/Export"][i]! })),
    );
    const changes = compareSchemas(accounts, next);
    expect(summary(changes)).toEqual([{ kind: "field_added", field: "industry", severity: "non_breaking" }]);
    expect(changes[0]).toMatchObject({ currentType: "string", details: { nullable: true } });
  });

  it("reports a removed field as breaking", () => {
    const next = stream(
      fields.filter((f) => f.name !== "phone"),
      records.map(({ phone: _phone, ...rest }) => rest),
    );
    const changes = compareSchemas(accounts, next);
    expect(summary(changes)).toEqual([{ kind: "field_removed", field: "phone", severity: "breaking" }]);
    expect(changes[0]!.previousType).toBe("string");
  });

  describe("renames", () => {
    it.each([
      { from: "email", to: "email_address", why: "a longer name for the same values" },
      { from: "amount", to: "total", why: "an unrelated name for identical values" },
      { from: "closeDate", to: "close_date", why: "camelCase to snake_case" },
    ])("recognises $from -> $to ($why) as one rename, not a drop and an add", ({ from, to }) => {
      const changes = compareSchemas(accounts, renamed({ [from]: to }));
      expect(summary(changes)).toEqual([{ kind: "field_renamed", field: to, previousField: from, severity: "breaking" }]);
      expect(changes[0]!.confidence).toBeGreaterThanOrEqual(RENAME_THRESHOLD);
      expect(changes[0]!.confidence).toBeLessThanOrEqual(1);
    });

    it("recognises a renamed column that was also moved to the end", () => {
      const next = stream(
        [...fields.filter((f) => f.name !== "amount"), { name: "total", type: "integer", nullable: false }],
        records.map(({ amount, ...rest }) => ({ ...rest, total: amount! })),
      );
      const changes = compareSchemas(accounts, next);
      expect(summary(changes)).toEqual([{ kind: "field_renamed", field: "total", previousField: "amount", severity: "breaking" }]);
      expect(changes[0]!.confidence).toBeGreaterThanOrEqual(RENAME_THRESHOLD);
    });

    it("records the type change that came with a rename", () => {
      const changes = compareSchemas(accounts, renamed({ amount: "total" }, { amount: "number" }));
      expect(summary(changes)).toEqual([{ kind: "field_renamed", field: "total", previousField: "amount", severity: "breaking" }]);
      expect(changes[0]).toMatchObject({ previousType: "integer", currentType: "number", details: { typeChange: "widening" } });
    });

    it("pairs two renames at once one-to-one", () => {
      const changes = compareSchemas(accounts, renamed({ email: "email_address", phone: "phone_number" }));
      expect(summary(changes)).toEqual([
        { kind: "field_renamed", field: "email_address", previousField: "email", severity: "breaking" },
        { kind: "field_renamed", field: "phone_number", previousField: "phone", severity: "breaking" },
      ]);
    });

    it("pairs two renames by their data when the names alone would cross them", () => {
      // billing_city and shipping_city both contain "city"; only the values say which one became it.
      const cities: SchemaField[] = [
        { name: "id", type: "integer", nullable: false },
        { name: "billing_city", type: "string", nullable: true },
        { name: "shipping_city", type: "string", nullable: true },
      ];
      const sample = [
        { id: 1, billing_city: "Chicago", shipping_city: "Gary" },
        { id: 2, billing_city: "Boston", shipping_city: "Worcester" },
        { id: 3, billing_city: "Austin", shipping_city: "Round Rock" },
      ];
      const next = stream(
        [cities[0]!, { name: "delivery_city", type: "string", nullable: true }, { name: "city", type: "string", nullable: true }],
        sample.map((r) => ({ id: r.id, delivery_city: r.shipping_city, city: r.billing_city })),
      );
      const changes = compareSchemas(stream(cities, sample), next);
      expect(summary(changes)).toEqual([
        { kind: "field_renamed", field: "city", previousField: "billing_city", severity: "breaking" },
        { kind: "field_renamed", field: "delivery_city", previousField: "shipping_city", severity: "breaking" },
      ]);
    });

    it("gives a removed field to at most one added field; the other stays an addition", () => {
      const next = stream(
        [
          ...fields.map((f) => (f.name === "email" ? { ...f, name: "email_address" } : f)),
          { name: "email_opt_in", type: "boolean", nullable: true },
        ],
        records.map(({ email, ...rest }, i) => ({ ...rest, email_address: email!, email_opt_in: i % 2 === 0 })),
      );
      expect(summary(compareSchemas(accounts, next))).toEqual([
        { kind: "field_renamed", field: "email_address", previousField: "email", severity: "breaking" },
        { kind: "field_added", field: "email_opt_in", severity: "non_breaking" },
      ]);
    });

    it("does not call an unrelated drop and add a rename", () => {
      const industries = ["Manufacturing", "Energy", "Software", "Pharma", "Software", "Import/Export"];
      const next = stream(
        fields.map((f) => (f.name === "phone" ? { name: "industry", type: "string" as const, nullable: true } : f)),
        records.map(({ phone: _phone, ...rest }, i) => ({ ...rest, industry: industries[i]! })),
      );
      expect(summary(compareSchemas(accounts, next))).toEqual([
        { kind: "field_removed", field: "phone", severity: "breaking" },
        { kind: "field_added", field: "industry", severity: "non_breaking" },
      ]);
    });

    // BUG: nameSimilarity() tokenises names with /[^a-z0-9]+/, so every name written without ASCII
    // letters (Japanese, Cyrillic, Greek ... column names) reduces to "" and any two such names
    // score 1, "the same words in another case style". Without value evidence (an empty sample, as
    // for a table with no rows yet, or all-null columns) a dropped 電話 (phone) and an added 業種
    // (industry) are then reported as one rename with confidence 1 instead of a drop and an add.
    it("does not call an unrelated drop and add of non-Latin column names a rename", () => {
      const before: SchemaField[] = [
        { name: "id", type: "integer", nullable: false },
        { name: "会社名", type: "string", nullable: false },
        { name: "電話", type: "string", nullable: true },
      ];
      const after: SchemaField[] = [before[0]!, before[1]!, { name: "業種", type: "string", nullable: true }];
      expect(summary(compareSchemas(stream(before, []), stream(after, [])))).toEqual([
        { kind: "field_removed", field: "電話", severity: "breaking" },
        { kind: "field_added", field: "業種", severity: "non_breaking" },
      ]);
    });
  });

  describe("type changes", () => {
    type Retype = {
      what: string;
      field: string;
      to: FieldType;
      value: (v: JsonValue) => JsonValue;
      severity: Severity;
      direction: TypeChangeDirection;
    };
    const unlessNull = (f: (v: JsonValue) => JsonValue) => (v: JsonValue) => (v === null ? null : f(v));
    it.each<Retype>([
      {
        what: "integer -> number",
        field: "amount",
        to: "number",
        value: (v) => (v as number) + 0.5,
        severity: "non_breaking",
        direction: "widening",
      },
      {
        what: "date -> timestamp",
        field: "closeDate",
        to: "timestamp",
        value: unlessNull((v) => `${v}T00:00:00Z`),
        severity: "non_breaking",
        direction: "widening",
      },
      {
        what: "integer -> string",
        field: "employees",
        to: "string",
        value: unlessNull((v) => `${v}+`),
        severity: "potentially_breaking",
        direction: "widening",
      },
      {
        what: "number -> integer",
        field: "annual_revenue",
        to: "integer",
        value: unlessNull((v) => Math.round(v as number)),
        severity: "potentially_breaking",
        direction: "narrowing",
      },
      {
        what: "boolean -> integer",
        field: "is_customer",
        to: "integer",
        value: (v) => (v ? 1 : 0),
        severity: "breaking",
        direction: "incompatible",
      },
    ])("classifies $what as $severity", ({ field, to, value, severity, direction }) => {
      const changes = compareSchemas(accounts, changed(field, { type: to }, value));
      expect(summary(changes)).toEqual([{ kind: "type_changed", field, severity }]);
      expect(changes[0]).toMatchObject({
        previousType: fields.find((f) => f.name === field)!.type,
        currentType: to,
        details: { direction },
      });
    });

    it("classifies the rest of the type lattice", () => {
      expect(classifyTypeChange("timestamp", "date")).toEqual({ direction: "narrowing", severity: "potentially_breaking" });
      expect(classifyTypeChange("string", "integer")).toEqual({ direction: "narrowing", severity: "potentially_breaking" });
      expect(classifyTypeChange("boolean", "json")).toEqual({ direction: "widening", severity: "potentially_breaking" });
      expect(classifyTypeChange("date", "boolean")).toEqual({ direction: "incompatible", severity: "breaking" });
      expect(classifyTypeChange("json", "number")).toEqual({ direction: "incompatible", severity: "breaking" });
    });
  });

  describe("nullability", () => {
    it("reports a required field becoming nullable as potentially breaking", () => {
      const changes = compareSchemas(
        accounts,
        changed("name", { nullable: true }, (v) => (v === "Globex" ? null : v)),
      );
      expect(summary(changes)).toEqual([{ kind: "nullability_changed", field: "name", severity: "potentially_breaking" }]);
      expect(changes[0]!.details).toEqual({ nullable: true });
    });

    it("reports a nullable field becoming required as non-breaking", () => {
      const changes = compareSchemas(
        accounts,
        changed("phone", { nullable: false }, (v) => v ?? "+1 555 0000"),
      );
      expect(summary(changes)).toEqual([{ kind: "nullability_changed", field: "phone", severity: "non_breaking" }]);
      expect(changes[0]!.details).toEqual({ nullable: false });
    });

    it("reports a type and a nullability change of one field as two changes", () => {
      const changes = compareSchemas(accounts, changed("amount", { type: "number", nullable: true }));
      expect(summary(changes)).toEqual([
        { kind: "type_changed", field: "amount", severity: "non_breaking" },
        { kind: "nullability_changed", field: "amount", severity: "potentially_breaking" },
      ]);
    });
  });

  it("lists renames, then removals, then additions, then changes of kept fields", () => {
    const next = stream(
      [
        { name: "id", type: "integer", nullable: false },
        { name: "name", type: "string", nullable: true },
        { name: "email_address", type: "string", nullable: true },
        { name: "amount", type: "number", nullable: false },
        { name: "annual_revenue", type: "number", nullable: true },
        { name: "employees", type: "integer", nullable: true },
        { name: "closeDate", type: "date", nullable: true },
        { name: "is_customer", type: "boolean", nullable: false },
        { name: "industry", type: "string", nullable: true },
      ],
      records.map(({ email, phone: _phone, ...rest }, i) => ({
        ...rest,
        email_address: email!,
        industry: ["Energy", "Software", "Pharma", null, "Retail", "Import/Export"][i]!,
      })),
    );
    expect(summary(compareSchemas(accounts, next))).toEqual([
      { kind: "field_renamed", field: "email_address", previousField: "email", severity: "breaking" },
      { kind: "field_removed", field: "phone", severity: "breaking" },
      { kind: "field_added", field: "industry", severity: "non_breaking" },
      { kind: "nullability_changed", field: "name", severity: "potentially_breaking" },
      { kind: "type_changed", field: "amount", severity: "non_breaking" },
    ]);
  });
});

describe("nameSimilarity", () => {
  it("scores the same words in another case style as identical", () => {
    for (const other of ["close_date", "CloseDate", "CLOSE_DATE", "close-date", "close date"])
      expect(nameSimilarity("closeDate", other)).toBe(1);
  });

  it("scores a name contained in the other high, unrelated names low", () => {
    expect(nameSimilarity("email", "email_address")).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity("phone", "industry")).toBeLessThan(0.3);
  });
});

describe("decide", () => {
  const change = (severity: SchemaChange["severity"]): SchemaChange => ({ kind: "type_changed", severity, field: "amount", details: {} });
  const added: SchemaChange = { kind: "field_added", severity: "non_breaking", field: "industry", details: { nullable: true } };
  const nonBreaking = [change("non_breaking"), added];
  const potentially = [change("non_breaking"), change("potentially_breaking")];
  const breaking = [change("non_breaking"), change("potentially_breaking"), change("breaking")];

  it.each<[SchemaPolicy, string, PolicyDecision, SchemaChange[]]>([
    ["propagate_all", "no changes", "accept", []],
    ["propagate_all", "only non-breaking changes", "accept", nonBreaking],
    ["propagate_all", "a potentially breaking change", "accept", potentially],
    ["propagate_all", "a breaking change", "accept", breaking],
    ["propagate_additive", "no changes", "accept", []],
    ["propagate_additive", "only non-breaking changes", "accept", nonBreaking],
    ["propagate_additive", "a potentially breaking change", "hold", potentially],
    ["propagate_additive", "a breaking change", "hold", breaking],
    ["require_approval", "no changes", "accept", []],
    ["require_approval", "only non-breaking changes", "hold", nonBreaking],
    ["require_approval", "a potentially breaking change", "hold", potentially],
    ["require_approval", "a breaking change", "hold", breaking],
    ["pause_on_breaking", "no changes", "accept", []],
    ["pause_on_breaking", "only non-breaking changes", "accept", nonBreaking],
    ["pause_on_breaking", "a potentially breaking change", "accept", potentially],
    ["pause_on_breaking", "a breaking change", "pause", breaking],
  ])("%s with %s: %s", (policy, _what, expected, changes) => {
    expect(decide(policy, changes)).toBe(expected);
  });

  it("pauses on a single breaking change however it is listed", () => {
    expect(decide("pause_on_breaking", [change("breaking")])).toBe("pause");
    expect(decide("pause_on_breaking", [change("breaking"), change("non_breaking")])).toBe("pause");
    expect(decide("propagate_additive", [change("breaking"), change("non_breaking")])).toBe("hold");
  });
});
