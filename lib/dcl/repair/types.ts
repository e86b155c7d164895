import { z } from "zod";
import { JsonValue } from "@/lib/http/wire";
import { VendorTypeName } from "@/lib/aam/schema/vendor-types";
import { ValueTransform } from "@/lib/dcl/matcher/types";

/** A field as a source describes it: its name, its type in the source's own words, and sample values. */
const DriftField = z.object({
  name: z.string().min(1).max(1000),
  /** Any vendor's type name (`datetime`, `DATS`, `decimal(18,2)`, `picklist`, ...); see lib/aam/schema/vendor-types.ts. */
  type: VendorTypeName.default("string"),
  samples: z.array(JsonValue).max(50).default([]),
});

/** The most fields a side may have: every pair of a removed and an added field is scored, and this keeps that to milliseconds. */
export const MAX_FIELDS = 500;

const Fields = z
  .array(DriftField)
  .max(MAX_FIELDS)
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, "field names must be unique");

const Target = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'a target is "entity.field"');

/**
 * One table's schema before and after a change, with the mappings in force: the `aos repair`
 * input and `POST /api/v1/dcl/repairs/suggest` body. Samples are lined up: sample i of every field,
 * before and after, comes from the same source record.
 */
export const DriftInput = z.object({
  source: z.string().min(1).max(200),
  table: z.string().min(1).max(1000),
  before: z.object({ fields: Fields }),
  mappings: z.record(z.string().max(1000), Target).default({}),
  after: z.object({ fields: Fields.refine((fields) => fields.length > 0, "at least one field") }),
});
export type DriftInput = z.infer<typeof DriftInput>;

export const RepairApply = z.enum(["auto", "review", "report"]).meta({
  description: "Where a repair goes: `auto` applied at once, `review` waits for a person, `report` only reported",
});
export type RepairApply = z.infer<typeof RepairApply>;

/** What the agent decided for one field of the new schema. */
export type RepairKind = "keep" | "rename" | "new" | "ignore";

/** The agent's decision for one field of the new schema, as the CLI and the API answer it. */
export const RepairSuggestion = z
  .object({
    field: z.string().meta({ description: "A field of the new schema", examples: ["deal_value"] }),
    target: Target.nullable().meta({ description: 'The ontology field ("entity.field") it maps onto; null: it stays unmapped' }),
    confidence: z.number().min(0).max(1),
    from: z.string().nullable().meta({ description: "The field of the old schema it continues (a rename), when there is one" }),
    apply: RepairApply,
    transform: ValueTransform.nullable().meta({ description: "How values convert on the way to the target, when the unit changed" }),
    reason: z.string().meta({ description: "One line a person can read" }),
  })
  .meta({ id: "RepairSuggestion" });

export type Repair = z.infer<typeof RepairSuggestion> & { kind: RepairKind };

/** The agent's answer on a schema change: each new field's decision, and the mapped fields removed. Nothing is applied. */
export const RepairSuggestions = z.object({
  entity: z
    .string()
    .nullable()
    .meta({ description: "The ontology entity the table maps onto; null when none fits", examples: ["opportunity"] }),
  repairs: z.array(RepairSuggestion),
  removed: z.array(z.string()).meta({ description: "Mapped fields of the old schema that no new field continues" }),
});
export type RepairSuggestions = z.infer<typeof RepairSuggestions>;

export type RepairPlan = { entity: string | null; repairs: Repair[]; removed: string[] };

/** Confidence at or above `auto` is applied, at or above `review` waits for a person, below is reported. */
export type RepairThresholds = { auto: number; review: number };
